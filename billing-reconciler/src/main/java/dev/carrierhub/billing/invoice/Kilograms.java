package dev.carrierhub.billing.invoice;

import dev.carrierhub.contracts.shipment.WeightUnit;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;

/** Weights on invoices and declarations, compared in kilograms (exact factors; the pound is 0.45359237 kg by law). */
public final class Kilograms {
    private static final BigDecimal POUND = new BigDecimal("0.45359237");
    private static final BigDecimal OUNCE = new BigDecimal("0.028349523125");
    private static final BigDecimal GRAM = new BigDecimal("0.001");

    private Kilograms() {
    }

    public static BigDecimal of(BigDecimal value, WeightUnit unit) {
        BigDecimal factor = switch (unit) {
            case KG -> BigDecimal.ONE;
            case LB -> POUND;
            case OZ -> OUNCE;
            case G -> GRAM;
        };
        return value.multiply(factor).setScale(4, RoundingMode.HALF_UP);
    }

    /** The unit as invoices write it: KG, LB, G, OZ, or X12's K and L. */
    public static WeightUnit unit(String written) {
        String unit = written.trim().toUpperCase(Locale.ROOT);
        return switch (unit) {
            case "K", "KG", "KGS" -> WeightUnit.KG;
            case "L", "LB", "LBS" -> WeightUnit.LB;
            case "G" -> WeightUnit.G;
            case "OZ" -> WeightUnit.OZ;
            default -> throw new IllegalArgumentException("unknown weight unit '" + written + "'");
        };
    }
}
