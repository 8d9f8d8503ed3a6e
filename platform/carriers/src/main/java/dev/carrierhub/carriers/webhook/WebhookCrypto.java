package dev.carrierhub.carriers.webhook;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The pieces every callback scheme is built from: HMAC-SHA256, comparisons that take the same time wherever
 * the inputs differ, and the replay window.
 */
public final class WebhookCrypto {
    private static final String HMAC = "HmacSHA256";
    /** Longer headers are refused before any work is done on them. */
    public static final int MAX_HEADER_LENGTH = 1024;

    private WebhookCrypto() {
    }

    /** HMAC-SHA256 under {@code key} of the concatenation of {@code parts}. */
    public static byte[] hmacSha256(byte[] key, byte[]... parts) {
        Objects.requireNonNull(key, "key");
        if (key.length == 0) {
            throw new IllegalArgumentException("a webhook secret is required");
        }
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(new SecretKeySpec(key, HMAC));
            for (byte[] part : parts) {
                mac.update(Objects.requireNonNull(part, "part"));
            }
            return mac.doFinal();
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }

    /** The UTF-8 bytes of a secret; a missing or empty secret is a programming error, not a mismatch. */
    public static byte[] secretBytes(String secret) {
        if (secret == null || secret.isEmpty()) {
            throw new IllegalArgumentException("a webhook secret is required");
        }
        return secret.getBytes(StandardCharsets.UTF_8);
    }

    /** Whether two MACs are equal, in time that does not depend on where they differ. */
    public static boolean sameBytes(byte[] expected, byte[] presented) {
        return MessageDigest.isEqual(expected, presented);
    }

    /**
     * Whether a presented credential equals the expected one. Both are hashed first, so neither where they
     * differ nor how long the expected one is shows in the time taken.
     */
    public static boolean sameText(String expected, String presented) {
        return MessageDigest.isEqual(sha256(expected), sha256(presented));
    }

    /** Whether {@code signedAt} lies within {@code tolerance} of {@code now}, in the past or the future. */
    public static boolean within(Instant signedAt, Instant now, Duration tolerance) {
        return !signedAt.isBefore(now.minus(tolerance)) && !signedAt.isAfter(now.plus(tolerance));
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
