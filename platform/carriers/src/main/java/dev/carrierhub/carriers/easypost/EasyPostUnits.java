package dev.carrierhub.carriers.easypost;

import dev.carrierhub.contracts.shipment.LengthUnit;
import dev.carrierhub.contracts.shipment.ServiceLevel;
import dev.carrierhub.contracts.shipment.Weight;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * EasyPost's units: weights in ounces and lengths in inches, both with one decimal (EasyPost's own precision),
 * converted straight from the canonical unit so that pounds and inches stay exact.
 */
final class EasyPostUnits {
    private static final BigDecimal OZ_PER_LB = new BigDecimal("16");
    private static final BigDecimal GRAMS_PER_OZ = new BigDecimal("28.349523125");
    private static final BigDecimal KG_PER_OZ = new BigDecimal("0.028349523125");
    private static final BigDecimal MM_PER_IN = new BigDecimal("25.4");
    private static final BigDecimal CM_PER_IN = new BigDecimal("2.54");
    private static final BigDecimal M_PER_IN = new BigDecimal("0.0254");

    private EasyPostUnits() {
    }

    static BigDecimal ounces(Weight weight) {
        Objects.requireNonNull(weight, "weight");
        BigDecimal oz = switch (weight.unit()) {
            case OZ -> weight.value();
            case LB -> weight.value().multiply(OZ_PER_LB);
            case G -> weight.value().divide(GRAMS_PER_OZ, MathContext.DECIMAL64);
            case KG -> weight.value().divide(KG_PER_OZ, MathContext.DECIMAL64);
        };
        return oz.setScale(1, RoundingMode.HALF_UP);
    }

    static BigDecimal inches(BigDecimal length, LengthUnit unit) {
        Objects.requireNonNull(length, "length");
        BigDecimal in = switch (Objects.requireNonNull(unit, "unit")) {
            case IN -> length;
            case MM -> length.divide(MM_PER_IN, MathContext.DECIMAL64);
            case CM -> length.divide(CM_PER_IN, MathContext.DECIMAL64);
            case M -> length.divide(M_PER_IN, MathContext.DECIMAL64);
        };
        return in.setScale(1, RoundingMode.HALF_UP);
    }

    /**
     * EasyPost resells many carriers whose service names follow no pattern, so the canonical level comes from the
     * promised delivery days: 1 overnight, 2 express, 3 to 5 standard, more economy; none when no days are given.
     */
    static ServiceLevel levelOf(Integer deliveryDays) {
        if (deliveryDays == null || deliveryDays < 1) {
            return null;
        }
        if (deliveryDays == 1) {
            return ServiceLevel.OVERNIGHT;
        }
        if (deliveryDays == 2) {
            return ServiceLevel.EXPRESS;
        }
        return deliveryDays <= 5 ? ServiceLevel.STANDARD : ServiceLevel.ECONOMY;
    }
}
