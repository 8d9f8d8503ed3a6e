package dev.carrierhub.intake.mapping;

import dev.carrierhub.contracts.shipment.LengthUnit;
import dev.carrierhub.contracts.shipment.WeightUnit;
import java.util.Objects;

/**
 * The units a tenant's Odoo database stores weights and package dimensions in (Odoo's default is kg
 * and mm; a database set to imperial units uses lb and in).
 */
public record OdooUnits(WeightUnit weight, LengthUnit length) {
    public static final OdooUnits DEFAULT = new OdooUnits(WeightUnit.KG, LengthUnit.MM);

    public OdooUnits {
        Objects.requireNonNull(weight, "weight");
        Objects.requireNonNull(length, "length");
    }
}
