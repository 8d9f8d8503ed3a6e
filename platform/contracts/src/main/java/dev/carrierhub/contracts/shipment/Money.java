package dev.carrierhub.contracts.shipment;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * An amount with its ISO 4217 currency. On the wire ({@code Json.mapper()}) the amount is a JSON number
 * written from the exact decimal text of the {@link BigDecimal} (scale kept, e.g. {@code 12.50}) plus the
 * code; readers must parse it as a decimal ({@code Json} enables {@code USE_BIG_DECIMAL_FOR_FLOATS}), never
 * as a binary floating-point number. Services compute with JSR 354 types.
 */
public record Money(BigDecimal amount, String currency) {
    public Money {
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(currency, "currency");
        if (!currency.matches("[A-Z]{3}")) {
            throw new IllegalArgumentException("currency must be an ISO 4217 code, was " + currency);
        }
    }

    public static Money of(String amount, String currency) {
        return new Money(new BigDecimal(amount), currency);
    }
}
