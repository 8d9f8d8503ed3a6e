package dev.carrierhub.carriers.ups;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The reference a booking carries at UPS, derived from its idempotency key. UPS has no idempotency key;
 * the connector writes this value into the shipment's {@code ReferenceNumber} (it is printed on the label
 * and searchable in UPS Quantum View, billing data and reference tracking) and the key itself into
 * {@code TransactionReference.CustomerContext} (echoed in the answer).
 *
 * <p>A UPS reference holds at most 35 characters, so a key that is short and plain is used as it is and
 * any other key (e.g. {@code booking:<uuid>}, 44 characters) becomes {@code CH} + the first 32 hex digits
 * of its SHA-256: the same key always gives the same reference.
 */
public final class UpsBookingReference {
    static final int MAX_LENGTH = 35;
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9-]{1," + MAX_LENGTH + "}");

    private UpsBookingReference() {
    }

    public static String of(String idempotencyKey) {
        Objects.requireNonNull(idempotencyKey, "idempotencyKey");
        if (PLAIN.matcher(idempotencyKey).matches()) {
            return idempotencyKey;
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(idempotencyKey.getBytes(StandardCharsets.UTF_8));
            return "CH" + HexFormat.of().formatHex(digest, 0, 16).toUpperCase(Locale.ROOT);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
