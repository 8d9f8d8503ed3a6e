package dev.carrierhub.carriers.fedex;

import dev.carrierhub.carriers.webhook.SignatureCheck;
import dev.carrierhub.carriers.webhook.WebhookCrypto;
import java.util.Base64;
import java.util.Objects;

/**
 * The signature of FedEx's tracking webhooks (Advanced Integrated Visibility): header {@value #HEADER} is the
 * standard Base64 of the HMAC-SHA256 of the raw payload under the security token set on the webhook project.
 * FedEx signs no timestamp and documents no replay window: a replayed payload is a duplicate event at most.
 */
public final class FedExWebhookSignature {
    public static final String HEADER = "fdx-signature";
    private static final int MAC_LENGTH = 32;

    private FedExWebhookSignature() {
    }

    /** The header value FedEx would send for {@code body}. */
    public static String sign(String securityToken, byte[] body) {
        return Base64.getEncoder().encodeToString(
                WebhookCrypto.hmacSha256(WebhookCrypto.secretBytes(securityToken), Objects.requireNonNull(body, "body")));
    }

    /** Checks {@code header} against the raw request body, the bytes as received. */
    public static SignatureCheck verify(String securityToken, String header, byte[] body) {
        byte[] expected = WebhookCrypto.hmacSha256(WebhookCrypto.secretBytes(securityToken),
                Objects.requireNonNull(body, "body"));
        if (header == null || header.isBlank() || header.length() > WebhookCrypto.MAX_HEADER_LENGTH) {
            return SignatureCheck.MALFORMED;
        }
        byte[] presented;
        try {
            presented = Base64.getDecoder().decode(header.trim());
        } catch (IllegalArgumentException notBase64) {
            return SignatureCheck.MALFORMED;
        }
        if (presented.length != MAC_LENGTH) {
            return SignatureCheck.MALFORMED;
        }
        return WebhookCrypto.sameBytes(expected, presented) ? SignatureCheck.VALID : SignatureCheck.MISMATCH;
    }
}
