package dev.carrierhub.intake.mapping;

import dev.carrierhub.contracts.shipment.Dimensions;
import dev.carrierhub.contracts.shipment.LengthUnit;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * The box a tenant ships in when Odoo names none (a picking that is ready has no packages yet): its
 * outer dimensions in their unit (Odoo's database length unit is mm) and an optional package type.
 */
// Written with Jackson's ObjectMapper: registered so native executables can serialise it too.
@RegisterForReflection
public record DefaultParcel(BigDecimal length, BigDecimal width, BigDecimal height, LengthUnit unit,
        String packageType) {
    public DefaultParcel {
        Objects.requireNonNull(length, "length");
        Objects.requireNonNull(width, "width");
        Objects.requireNonNull(height, "height");
        unit = unit == null ? LengthUnit.MM : unit;
    }

    public Dimensions dimensions() {
        return new Dimensions(length, width, height, unit);
    }

    /** 400 mm and 400.0 mm are the same box: compares the numbers by value, not by scale. */
    @Override
    public boolean equals(Object other) {
        return other instanceof DefaultParcel p && length.compareTo(p.length) == 0 && width.compareTo(p.width) == 0
                && height.compareTo(p.height) == 0 && unit == p.unit && Objects.equals(packageType, p.packageType);
    }

    @Override
    public int hashCode() {
        return Objects.hash(length.stripTrailingZeros(), width.stripTrailingZeros(), height.stripTrailingZeros(), unit,
                packageType);
    }
}
