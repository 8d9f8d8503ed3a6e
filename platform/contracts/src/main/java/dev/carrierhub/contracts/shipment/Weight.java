package dev.carrierhub.contracts.shipment;

import java.math.BigDecimal;
import java.util.Objects;

/** A weight with its unit, never a bare number. */
public record Weight(BigDecimal value, WeightUnit unit) {
    public Weight {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(unit, "unit");
        if (value.signum() < 0) {
            throw new IllegalArgumentException("weight must not be negative, was " + value);
        }
    }
}
