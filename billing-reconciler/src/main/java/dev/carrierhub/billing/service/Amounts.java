package dev.carrierhub.billing.service;

import dev.carrierhub.contracts.shipment.Money;
import java.math.BigDecimal;
import java.util.Currency;

/**
 * Money as stored ({@code numeric(19,4)} + ISO code) and as shown: the database pads every amount to four
 * places, so the padding is taken off again down to the currency's own minor units (12.4000 USD → 12.40),
 * never below them and never losing a digit that carries value (0.1234 USD stays 0.1234).
 */
public final class Amounts {
    /** Scale of the amount columns. */
    public static final int STORED_SCALE = 4;

    private Amounts() {
    }

    public static Money money(BigDecimal amount, String currency) {
        if (amount == null || currency == null) {
            return null;
        }
        String code = currency.trim();
        int minorUnits = minorUnits(code);
        BigDecimal stripped = amount.stripTrailingZeros();
        int scale = Math.max(minorUnits, stripped.scale());
        return new Money(stripped.setScale(scale), code);
    }

    /**
     * The amount as it will be stored.
     *
     * @throws IllegalArgumentException when it has more decimals than the column keeps (rounding money is a decision
     *     nobody made here)
     */
    public static BigDecimal storable(BigDecimal amount) {
        BigDecimal stripped = amount.stripTrailingZeros();
        if (stripped.scale() > STORED_SCALE) {
            throw new IllegalArgumentException("amount " + amount.toPlainString() + " has more than " + STORED_SCALE
                    + " decimals");
        }
        return stripped.setScale(STORED_SCALE);
    }

    private static int minorUnits(String code) {
        try {
            int digits = Currency.getInstance(code).getDefaultFractionDigits();
            return Math.max(digits, 0);
        } catch (IllegalArgumentException unknownToTheJdk) {
            return 2;
        }
    }
}
