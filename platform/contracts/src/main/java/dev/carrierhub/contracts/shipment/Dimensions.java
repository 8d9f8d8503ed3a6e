package dev.carrierhub.contracts.shipment;

import java.math.BigDecimal;
import java.util.Objects;

/** Outer dimensions of a parcel with their unit. */
public record Dimensions(BigDecimal length, BigDecimal width, BigDecimal height, LengthUnit unit) {
    public Dimensions {
        Objects.requireNonNull(length, "length");
        Objects.requireNonNull(width, "width");
        Objects.requireNonNull(height, "height");
        Objects.requireNonNull(unit, "unit");
    }
}
