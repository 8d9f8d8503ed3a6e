package dev.carrierhub.carriers;

import dev.carrierhub.contracts.shipment.LengthUnit;
import dev.carrierhub.contracts.shipment.Weight;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/** Converts canonical weights and lengths to the units a carrier's API demands. */
public final class Units {
    private static final BigDecimal CM_PER_IN = new BigDecimal("2.54");

    private Units() {
    }

    /** The weight in kilograms, rounded half-up to grams. */
    public static BigDecimal kilograms(Weight weight) {
        return Objects.requireNonNull(weight, "weight").kilograms().setScale(3, RoundingMode.HALF_UP);
    }

    /** The length in centimetres, rounded half-up to millimetres. */
    public static BigDecimal centimetres(BigDecimal length, LengthUnit unit) {
        Objects.requireNonNull(length, "length");
        BigDecimal cm = switch (Objects.requireNonNull(unit, "unit")) {
            case CM -> length;
            case MM -> length.movePointLeft(1);
            case M -> length.movePointRight(2);
            case IN -> length.multiply(CM_PER_IN);
        };
        return cm.setScale(1, RoundingMode.HALF_UP);
    }
}
