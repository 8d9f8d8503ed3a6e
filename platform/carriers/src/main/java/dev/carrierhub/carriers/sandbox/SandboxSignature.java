package dev.carrierhub.carriers.sandbox;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs and verifies sandbox callbacks: header {@value #HEADER} is {@code t=<unix seconds>,v1=<hex>}, where
 * the hex is the lowercase HMAC-SHA256 of {@code t + "." + rawBody} under the shared webhook secret.
 *
 * <p>The scheme is Stripe's and Shippo's. The timestamp is signed with the body, so a receiver that checks
 * it against a tolerance also refuses a captured callback replayed later. Several {@code v1} entries may be
 * sent while a secret is rotated; one match suffices. Unknown entries are ignored.
 */
public final class SandboxSignature {
    public static final String HEADER = "X-Sandbox-Signature";
    /** A tolerance that absorbs clock skew and delivery retries, yet keeps the replay window short. */
    public static final Duration DEFAULT_TOLERANCE = Duration.ofMinutes(5);

    private static final String ALGORITHM = "HmacSHA256";
    private static final int MAX_HEADER_LENGTH = 1024;
    private static final Pattern TIMESTAMP = Pattern.compile("[0-9]{1,18}");
    private static final Pattern V1 = Pattern.compile("[0-9a-f]{64}");
    private static final HexFormat HEX = HexFormat.of();

    /** Why a signature was accepted or refused. */
    public enum Verification {
        VALID,
        /** Absent, unparsable, or without a {@code t} and a well-formed {@code v1}. */
        MALFORMED_HEADER,
        /** Signed too long ago (or too far ahead): possibly a replay. */
        OUTSIDE_TOLERANCE,
        /** Well-formed and timely, but made with another secret or over another body. */
        MISMATCH;

        public boolean valid() {
            return this == VALID;
        }
    }

    private SandboxSignature() {
    }

    /** The header value for {@code body} signed at {@code timestamp} (unix seconds). */
    public static String sign(String secret, long timestamp, byte[] body) {
        if (timestamp < 0) {
            throw new IllegalArgumentException("timestamp must not be negative, was " + timestamp);
        }
        return "t=" + timestamp + ",v1=" + HEX.formatHex(mac(secret, timestamp, body));
    }

    /**
     * Checks {@code header} against the raw request {@code body}: the bytes as received, before any JSON
     * parsing, since re-serialising would change them.
     */
    public static Verification verify(String secret, String header, byte[] body, Instant now, Duration tolerance) {
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(now, "now");
        Objects.requireNonNull(tolerance, "tolerance");
        requireSecret(secret);
        Parsed parsed = Parsed.of(header);
        if (parsed == null) {
            return Verification.MALFORMED_HEADER;
        }
        long nowSeconds = now.getEpochSecond();
        long toleranceSeconds = tolerance.getSeconds();
        if (parsed.timestamp < nowSeconds - toleranceSeconds || parsed.timestamp > nowSeconds + toleranceSeconds) {
            return Verification.OUTSIDE_TOLERANCE;
        }
        byte[] expected = mac(secret, parsed.timestamp, body);
        boolean matched = false;
        for (String candidate : parsed.signatures) {
            // Constant time, so response timing reveals nothing about how many bytes matched.
            matched |= MessageDigest.isEqual(expected, HEX.parseHex(candidate));
        }
        return matched ? Verification.VALID : Verification.MISMATCH;
    }

    private static byte[] mac(String secret, long timestamp, byte[] body) {
        requireSecret(secret);
        Objects.requireNonNull(body, "body");
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM));
            mac.update((timestamp + ".").getBytes(StandardCharsets.US_ASCII));
            return mac.doFinal(body);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }

    private static void requireSecret(String secret) {
        if (secret == null || secret.isEmpty()) {
            throw new IllegalArgumentException("a webhook secret is required");
        }
    }

    /** The parts of a well-formed header. */
    private record Parsed(long timestamp, List<String> signatures) {
        static Parsed of(String header) {
            if (header == null || header.isBlank() || header.length() > MAX_HEADER_LENGTH) {
                return null;
            }
            Long timestamp = null;
            List<String> signatures = new ArrayList<>();
            for (String part : header.split(",", -1)) {
                int eq = part.indexOf('=');
                if (eq <= 0) {
                    return null;
                }
                String key = part.substring(0, eq).trim();
                String value = part.substring(eq + 1).trim();
                if (key.equals("t")) {
                    if (timestamp != null || !TIMESTAMP.matcher(value).matches()) {
                        return null;
                    }
                    timestamp = Long.parseLong(value);
                } else if (key.equals("v1")) {
                    if (!V1.matcher(value).matches()) {
                        return null;
                    }
                    signatures.add(value);
                }
            }
            return timestamp == null || signatures.isEmpty() ? null : new Parsed(timestamp, List.copyOf(signatures));
        }
    }
}
