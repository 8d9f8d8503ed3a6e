package dev.carrierhub.carriers.shippo;

import dev.carrierhub.carriers.webhook.SignatureCheck;
import dev.carrierhub.carriers.webhook.TimestampedHmac;
import java.time.Duration;
import java.time.Instant;

/**
 * Shippo's webhook HMAC (enabled on request by Shippo support): header {@value #HEADER} is
 * {@code t=<unix seconds>,v1=<hex>}, the lowercase HMAC-SHA256 of {@code t + "." + rawBody} under the shared
 * secret. A timestamp further than the tolerance from now, either way, is refused as a possible replay.
 */
public final class ShippoWebhookSignature {
    public static final String HEADER = "Shippo-Auth-Signature";

    private ShippoWebhookSignature() {
    }

    /** The header value Shippo would send for {@code body} signed at {@code timestamp} (unix seconds). */
    public static String sign(String secret, long timestamp, byte[] body) {
        return TimestampedHmac.sign(secret, timestamp, body);
    }

    /** Checks {@code header} against the raw request body, the bytes as received. */
    public static SignatureCheck verify(String secret, String header, byte[] body, Instant now, Duration tolerance) {
        return TimestampedHmac.verify(secret, header, body, now, tolerance);
    }
}
