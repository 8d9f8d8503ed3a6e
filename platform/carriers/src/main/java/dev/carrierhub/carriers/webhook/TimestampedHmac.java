package dev.carrierhub.carriers.webhook;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The Stripe-style signature header {@code t=<unix seconds>,v1=<hex>}, where the hex is the HMAC-SHA256 of
 * {@code t + "." + rawBody} under the shared secret (Shippo's {@code Shippo-Auth-Signature}). The timestamp is
 * signed with the body, so checking it against a tolerance also refuses a captured callback replayed later.
 * Several {@code v1} entries may come while a secret is rotated; one match suffices. Unknown entries are ignored.
 */
public final class TimestampedHmac {
    private static final Pattern TIMESTAMP = Pattern.compile("[0-9]{1,12}");
    private static final Pattern V1 = Pattern.compile("[0-9a-fA-F]{64}");
    private static final HexFormat HEX = HexFormat.of();

    private TimestampedHmac() {
    }

    /** The header value for {@code body} signed at {@code timestamp} (unix seconds). */
    public static String sign(String secret, long timestamp, byte[] body) {
        if (timestamp < 0) {
            throw new IllegalArgumentException("timestamp must not be negative, was " + timestamp);
        }
        return "t=" + timestamp + ",v1=" + HEX.formatHex(mac(secret, timestamp, body));
    }

    /** Checks {@code header} against the raw request body: the bytes as received, before any parsing. */
    public static SignatureCheck verify(String secret, String header, byte[] body, Instant now, Duration tolerance) {
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(now, "now");
        Objects.requireNonNull(tolerance, "tolerance");
        byte[] key = WebhookCrypto.secretBytes(secret);
        Parsed parsed = Parsed.of(header);
        if (parsed == null) {
            return SignatureCheck.MALFORMED;
        }
        if (!WebhookCrypto.within(Instant.ofEpochSecond(parsed.timestamp()), now, tolerance)) {
            return SignatureCheck.OUTSIDE_TOLERANCE;
        }
        byte[] expected = WebhookCrypto.hmacSha256(key, prefix(parsed.timestamp()), body);
        boolean matched = false;
        for (String candidate : parsed.signatures()) {
            matched |= WebhookCrypto.sameBytes(expected, HEX.parseHex(candidate.toLowerCase(Locale.ROOT)));
        }
        return matched ? SignatureCheck.VALID : SignatureCheck.MISMATCH;
    }

    private static byte[] mac(String secret, long timestamp, byte[] body) {
        return WebhookCrypto.hmacSha256(WebhookCrypto.secretBytes(secret), prefix(timestamp),
                Objects.requireNonNull(body, "body"));
    }

    private static byte[] prefix(long timestamp) {
        return (timestamp + ".").getBytes(StandardCharsets.US_ASCII);
    }

    /** The parts of a well-formed header. */
    private record Parsed(long timestamp, List<String> signatures) {
        static Parsed of(String header) {
            if (header == null || header.isBlank() || header.length() > WebhookCrypto.MAX_HEADER_LENGTH) {
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
