package dev.carrierhub.contracts.shipment;

import java.math.BigDecimal;
import java.util.Objects;

/** A weight with its unit, never a bare number. */
public record Weight(BigDecimal value, WeightUnit unit) {
    // The international avoirdupois pound is exactly 0.45359237 kg, and the ounce a sixteenth of it.
    private static final BigDecimal KG_PER_LB = new BigDecimal("0.45359237");
    private static final BigDecimal KG_PER_OZ = new BigDecimal("0.028349523125");

    public Weight {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(unit, "unit");
        if (value.signum() < 0) {
            throw new IllegalArgumentException("weight must not be negative, was " + value);
        }
    }

    /** The weight in kilograms, exactly (the factors are exact decimals); callers round where they store it. */
    public BigDecimal kilograms() {
        return switch (unit) {
            case KG -> value;
            case G -> value.movePointLeft(3);
            case LB -> value.multiply(KG_PER_LB);
            case OZ -> value.multiply(KG_PER_OZ);
        };
    }
}
