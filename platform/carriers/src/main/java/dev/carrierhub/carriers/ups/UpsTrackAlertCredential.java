package dev.carrierhub.carriers.ups;

import dev.carrierhub.carriers.webhook.SignatureCheck;
import dev.carrierhub.carriers.webhook.WebhookCrypto;

/**
 * How UPS Track Alert (v1 destinations) proves a push is from UPS: it signs nothing, but repeats the opaque
 * {@code destination.credential} given when the tracking numbers were subscribed, in header {@value #HEADER}.
 * The header must equal that credential exactly; the comparison takes the same time wherever they differ and
 * whatever their lengths. There is no timestamp, so no replay window: a replay is a duplicate event at most,
 * since a Track Alert event's id is built from its tracking number, time and status.
 */
public final class UpsTrackAlertCredential {
    public static final String HEADER = "credential";

    private UpsTrackAlertCredential() {
    }

    /** Checks the presented {@code header} against the configured {@code credential}. */
    public static SignatureCheck verify(String credential, String header) {
        if (credential == null || credential.isEmpty()) {
            throw new IllegalArgumentException("a Track Alert credential is required");
        }
        if (header == null || header.isBlank() || header.length() > WebhookCrypto.MAX_HEADER_LENGTH) {
            return SignatureCheck.MALFORMED;
        }
        return WebhookCrypto.sameText(credential, header) ? SignatureCheck.VALID : SignatureCheck.MISMATCH;
    }
}
