package dev.carrierhub.intake.mapping;

import dev.carrierhub.contracts.shipment.Address;
import dev.carrierhub.contracts.shipment.Money;
import dev.carrierhub.contracts.shipment.OdooPickingRef;
import dev.carrierhub.contracts.shipment.Parcel;
import dev.carrierhub.contracts.shipment.ServiceLevel;
import dev.carrierhub.contracts.shipment.Shipment;
import dev.carrierhub.contracts.shipment.ShipmentIds;
import dev.carrierhub.contracts.shipment.Weight;
import dev.carrierhub.contracts.shipment.WeightUnit;
import dev.carrierhub.intake.client.PartnerAddress;
import dev.carrierhub.intake.client.PickingSnapshot;
import java.math.RoundingMode;
import java.util.List;

/** Translates an Odoo picking into the canonical shipment: the one place Odoo's shapes meet the model. */
public final class ShipmentMapper {

    public Shipment toShipment(String tenant, PickingSnapshot picking) {
        Address shipTo = address(picking.shipTo(), "ship-to");
        Address shipFrom = address(picking.shipFrom(), "ship-from (warehouse address)");
        if (picking.shippingWeightKg() == null || picking.shippingWeightKg().signum() <= 0) {
            throw new PickingMappingException("missing-weight", "Picking " + picking.name() + " has no shipping weight.");
        }
        // Odoo floats carry binary artefacts (4.970000000000001): grams are the finest unit carriers take.
        Weight weight = new Weight(picking.shippingWeightKg().setScale(3, RoundingMode.HALF_UP), WeightUnit.KG);
        Parcel parcel = new Parcel(picking.name(), weight, null, null);
        Money declaredValue = picking.declaredValue() == null || picking.currency() == null ? null
                : new Money(picking.declaredValue(), picking.currency());
        OdooPickingRef ref = new OdooPickingRef(tenant, picking.pickingId(), picking.name(), picking.origin());
        return new Shipment(ShipmentIds.forPicking(tenant, picking.pickingId()), ref, shipFrom, shipTo,
                List.of(parcel), declaredValue, ServiceLevel.STANDARD, List.of(), false, null);
    }

    private static Address address(PartnerAddress partner, String role) {
        if (partner == null) {
            throw new PickingMappingException("missing-address", "The " + role + " partner is missing.");
        }
        if (partner.street() == null || partner.city() == null || partner.countryCode() == null) {
            throw new PickingMappingException("incomplete-address",
                    "The " + role + " address of " + partner.name() + " lacks street, city or country.");
        }
        return new Address(partner.name(), partner.company(), partner.street(), partner.street2(), partner.city(),
                partner.zip(), partner.stateCode(), partner.countryCode(), partner.phone(), partner.email(),
                partner.company() == null);
    }

}
