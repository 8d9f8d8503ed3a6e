package dev.carrierhub.billing.invoice;

import dev.carrierhub.contracts.shipment.Weight;
import dev.carrierhub.contracts.shipment.WeightUnit;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;

/** Weights on invoices and declarations, compared in kilograms at the scale they are stored with. */
public final class Kilograms {
    private Kilograms() {
    }

    /** The weight in kilograms, to the four decimals of the weight columns. */
    public static BigDecimal of(Weight weight) {
        return weight.kilograms().setScale(4, RoundingMode.HALF_UP);
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
