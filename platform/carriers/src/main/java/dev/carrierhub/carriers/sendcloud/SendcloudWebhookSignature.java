package dev.carrierhub.carriers.sendcloud;

import com.fasterxml.jackson.databind.JsonNode;
import dev.carrierhub.carriers.webhook.SignatureCheck;
import dev.carrierhub.carriers.webhook.WebhookCrypto;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Sendcloud's webhook signature: header {@value #HEADER} is the lowercase hex HMAC-SHA256 of the raw body under
 * the integration's secret key (or its Webhook Signature Key, by integration type). The header signs no time,
 * but the body's {@code timestamp} is signed with it: once the signature holds, a {@code timestamp} further than
 * the tolerance from now is refused as a possible replay. A body without one (Sendcloud's own example
 * {@code {"key": "value"}}) has no window to apply.
 *
 * <p>{@code timestamp} is unix seconds by the {@code parcel_status_changed} schema, but Sendcloud's integration
 * examples show milliseconds ({@code 1525271885993}); a value of 10<sup>11</sup> or more (a date after the year
 * 5000 in seconds) is read as milliseconds.
 */
public final class SendcloudWebhookSignature {
    public static final String HEADER = "Sendcloud-Signature";
    static final long MILLISECONDS_FROM = 100_000_000_000L;
    private static final Pattern HEX_DIGEST = Pattern.compile("[0-9a-fA-F]{64}");
    private static final HexFormat HEX = HexFormat.of();

    private SendcloudWebhookSignature() {
    }

    /** The header value Sendcloud would send for {@code body}. */
    public static String sign(String secret, byte[] body) {
        return HEX.formatHex(WebhookCrypto.hmacSha256(WebhookCrypto.secretBytes(secret), Objects.requireNonNull(body)));
    }

    /**
     * Checks {@code header} against the raw request body, then the body's signed {@code timestamp} against the
     * tolerance. The body is read only after its signature held.
     */
    public static SignatureCheck verify(String secret, String header, byte[] body, Instant now, Duration tolerance) {
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(now, "now");
        Objects.requireNonNull(tolerance, "tolerance");
        byte[] expected = WebhookCrypto.hmacSha256(WebhookCrypto.secretBytes(secret), body);
        String digest = header == null ? "" : header.trim();
        if (!HEX_DIGEST.matcher(digest).matches()) {
            return SignatureCheck.MALFORMED;
        }
        if (!WebhookCrypto.sameBytes(expected, HEX.parseHex(digest.toLowerCase(Locale.ROOT)))) {
            return SignatureCheck.MISMATCH;
        }
        BodyTime signedAt = BodyTime.of(body);
        return switch (signedAt.state()) {
            case ABSENT -> SignatureCheck.VALID;
            case UNREADABLE -> SignatureCheck.MALFORMED;
            case PRESENT -> WebhookCrypto.within(signedAt.at(), now, tolerance)
                    ? SignatureCheck.VALID : SignatureCheck.OUTSIDE_TOLERANCE;
        };
    }

    /** When the body says it was sent: its top-level {@code timestamp}. */
    record BodyTime(State state, Instant at) {
        enum State {
            /** No timestamp, or no JSON object at all (which the parser refuses later). */
            ABSENT,
            /** A timestamp that is not a number, or not a time. */
            UNREADABLE,
            PRESENT
        }

        static BodyTime of(byte[] body) {
            JsonNode json;
            try {
                json = SendcloudJson.MAPPER.readTree(body);
            } catch (IOException notJson) {
                return new BodyTime(State.ABSENT, null);
            }
            JsonNode timestamp = json == null ? null : json.get("timestamp");
            if (timestamp == null || timestamp.isNull()) {
                return new BodyTime(State.ABSENT, null);
            }
            if (!timestamp.isNumber()) {
                return new BodyTime(State.UNREADABLE, null);
            }
            return instant(timestamp.decimalValue()).map(at -> new BodyTime(State.PRESENT, at))
                    .orElse(new BodyTime(State.UNREADABLE, null));
        }
    }

    /** Unix seconds, or milliseconds from {@value #MILLISECONDS_FROM} on; empty when negative or out of range. */
    static Optional<Instant> instant(BigDecimal value) {
        if (value.signum() < 0) {
            return Optional.empty();
        }
        BigDecimal millis = value.compareTo(BigDecimal.valueOf(MILLISECONDS_FROM)) >= 0 ? value : value.movePointRight(3);
        try {
            return Optional.of(Instant.ofEpochMilli(millis.setScale(0, RoundingMode.FLOOR).longValueExact()));
        } catch (ArithmeticException outOfRange) {
            return Optional.empty();
        }
    }
}
