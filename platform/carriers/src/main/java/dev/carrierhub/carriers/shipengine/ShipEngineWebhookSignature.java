package dev.carrierhub.carriers.shipengine;

import dev.carrierhub.carriers.webhook.SignatureCheck;
import dev.carrierhub.carriers.webhook.WebhookCrypto;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * ShipEngine's (ShipStation API v2) webhook signature: RSASSA-PKCS1-v1_5 with SHA-256 over
 * {@code <x-shipengine-timestamp> + "." + rawBody}, Base64 in {@value #SIGNATURE_HEADER}, made with the key that
 * ShipEngine publishes in its JWKS under the id in {@value #KEY_ID_HEADER}. The timestamp (ISO-8601) must lie
 * within the tolerance of now, in the past or, for clock skew, the future.
 *
 * <p>The cheap checks (headers present and readable, timestamp fresh) come before the key is looked up, so a
 * stale or garbled callback never makes us fetch keys.
 */
public final class ShipEngineWebhookSignature {
    public static final String KEY_ID_HEADER = "x-shipengine-rsa-sha256-key-id";
    public static final String SIGNATURE_HEADER = "x-shipengine-rsa-sha256-signature";
    public static final String TIMESTAMP_HEADER = "x-shipengine-timestamp";
    private static final String ALGORITHM = "SHA256withRSA";

    private ShipEngineWebhookSignature() {
    }

    /** The signature header value for {@code body} sent at {@code timestamp} (as written in the timestamp header). */
    public static String sign(PrivateKey key, String timestamp, byte[] body) {
        try {
            Signature signer = Signature.getInstance(ALGORITHM);
            signer.initSign(key);
            signer.update(signed(timestamp));
            signer.update(body);
            return Base64.getEncoder().encodeToString(signer.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("cannot sign with this key", e);
        }
    }

    /** Whether {@code signature} is {@code key}'s over {@code timestamp + "." + body}. */
    public static boolean matches(PublicKey key, String timestamp, byte[] body, byte[] signature) {
        try {
            Signature verifier = Signature.getInstance(ALGORITHM);
            verifier.initVerify(key);
            verifier.update(signed(timestamp));
            verifier.update(body);
            return verifier.verify(signature);
        } catch (GeneralSecurityException wrongShape) {
            // A signature of the wrong length, or a key of another kind: not ShipEngine's signature.
            return false;
        }
    }

    /**
     * Checks a callback's three headers against its raw body, looking the key up in {@code keys}. Completes with
     * {@link SignatureCheck#KEYS_UNAVAILABLE} when the keys cannot be fetched.
     */
    public static CompletionStage<SignatureCheck> verify(ShipEngineKeys keys, String keyId, String signature,
            String timestamp, byte[] body, Instant now, Duration tolerance) {
        Objects.requireNonNull(keys, "keys");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(now, "now");
        Objects.requireNonNull(tolerance, "tolerance");
        if (!present(keyId) || !present(signature) || !present(timestamp)) {
            return done(SignatureCheck.MALFORMED);
        }
        Instant signedAt;
        byte[] presented;
        try {
            signedAt = OffsetDateTime.parse(timestamp.trim()).toInstant();
            presented = Base64.getDecoder().decode(signature.trim());
        } catch (DateTimeParseException | IllegalArgumentException unreadable) {
            return done(SignatureCheck.MALFORMED);
        }
        if (presented.length == 0) {
            return done(SignatureCheck.MALFORMED);
        }
        if (!WebhookCrypto.within(signedAt, now, tolerance)) {
            return done(SignatureCheck.OUTSIDE_TOLERANCE);
        }
        CompletionStage<Optional<PublicKey>> lookup;
        try {
            lookup = keys.find(keyId.trim());
        } catch (RuntimeException failed) {
            return done(SignatureCheck.KEYS_UNAVAILABLE);
        }
        return lookup.handle((key, failure) -> {
            if (failure != null) {
                return SignatureCheck.KEYS_UNAVAILABLE;
            }
            if (key.isEmpty()) {
                return SignatureCheck.MISMATCH;
            }
            // The timestamp is signed as ShipEngine wrote it, so the header's own text is used, not a reformatting.
            return matches(key.get(), timestamp, body, presented) ? SignatureCheck.VALID : SignatureCheck.MISMATCH;
        });
    }

    private static byte[] signed(String timestamp) {
        return (timestamp + ".").getBytes(StandardCharsets.UTF_8);
    }

    private static boolean present(String header) {
        return header != null && !header.isBlank() && header.length() <= WebhookCrypto.MAX_HEADER_LENGTH;
    }

    private static CompletionStage<SignatureCheck> done(SignatureCheck check) {
        return CompletableFuture.completedFuture(check);
    }
}
