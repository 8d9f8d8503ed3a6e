package dev.carrierhub.intake.mapping;

import dev.carrierhub.contracts.shipment.Address;
import dev.carrierhub.contracts.shipment.CustomsLine;
import dev.carrierhub.contracts.shipment.Dimensions;
import dev.carrierhub.contracts.shipment.LengthUnit;
import dev.carrierhub.contracts.shipment.Money;
import dev.carrierhub.contracts.shipment.OdooPickingRef;
import dev.carrierhub.contracts.shipment.Parcel;
import dev.carrierhub.contracts.shipment.ServiceLevel;
import dev.carrierhub.contracts.shipment.Shipment;
import dev.carrierhub.contracts.shipment.ShipmentIds;
import dev.carrierhub.contracts.shipment.Weight;
import dev.carrierhub.contracts.shipment.WeightUnit;
import dev.carrierhub.intake.client.PartnerAddress;
import dev.carrierhub.intake.client.PickingLine;
import dev.carrierhub.intake.client.PickingSnapshot;
import dev.carrierhub.intake.validation.ParcelMeasures;
import dev.carrierhub.intake.validation.ReasonCodes;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Translates an Odoo picking into the canonical shipment: the one place Odoo's shapes meet the model.
 * The tenant's mapping tables choose the carrier and service level, may replace the warehouse's
 * ship-from address and give the parcel its dimensions. The mapper keeps what Odoo has, gaps included
 * (an empty street, no weight): judging the result is {@code ShipmentValidator}'s job, which reports
 * every gap at once. Only a partner that does not exist at all stops it here.
 */
public final class ShipmentMapper {
    /** Canonical weights are kilograms to the gram: Odoo floats carry binary artefacts (4.970000000000001). */
    private static final int WEIGHT_SCALE = 3;
    /** Canonical dimensions are centimetres to the millimetre. */
    private static final int LENGTH_SCALE = 1;

    public Shipment toShipment(String tenant, PickingSnapshot picking) {
        return toShipment(tenant, picking, TenantMappings.NONE, OdooUnits.DEFAULT);
    }

    public Shipment toShipment(String tenant, PickingSnapshot picking, TenantMappings mappings, OdooUnits units) {
        Address shipTo = address(picking.shipTo(), "ship-to", "");
        Address shipFrom = mappings.warehouse(picking.warehouseId())
                .orElseGet(() -> address(picking.shipFrom(), "ship-from (warehouse address)",
                        " Give the warehouse an address in Odoo, or map the warehouse to a ship-from address."));
        Optional<DefaultParcel> box = mappings.parcel();
        Dimensions dimensions = box.map(p -> ParcelMeasures.convert(p.dimensions(), LengthUnit.CM, LENGTH_SCALE))
                .orElse(null);
        Parcel parcel = new Parcel(picking.name(), weight(picking.shippingWeightKg(), units), dimensions,
                box.map(DefaultParcel::packageType).orElse(null));
        Money declaredValue = picking.declaredValue() == null || picking.currency() == null ? null
                : new Money(picking.declaredValue(), picking.currency());
        Optional<CarrierService> service = mappings.carrier(picking.carrierId());
        List<CustomsLine> customs = crossesBorder(shipFrom, shipTo) ? customsLines(picking, units) : List.of();
        OdooPickingRef ref = new OdooPickingRef(tenant, picking.pickingId(), picking.name(), picking.origin());
        // Odoo community has no dangerous-goods flag on products: nothing is marked hazardous yet.
        return new Shipment(ShipmentIds.forPicking(tenant, picking.pickingId()), ref, shipFrom, shipTo,
                List.of(parcel), declaredValue, service.map(CarrierService::serviceLevel).orElse(ServiceLevel.STANDARD),
                customs, false, service.map(CarrierService::carrier).orElse(null));
    }

    private static Weight weight(BigDecimal odooWeight, OdooUnits units) {
        if (odooWeight == null) {
            return new Weight(BigDecimal.ZERO.setScale(WEIGHT_SCALE), WeightUnit.KG);
        }
        return ParcelMeasures.convert(new Weight(odooWeight, units.weight()), WeightUnit.KG, WEIGHT_SCALE);
    }

    /**
     * One customs line per stock move, valued at the product's sales price. All or nothing: a line
     * without a price (or no company currency) would under-declare the parcel, so then no line is
     * built and validation stops the shipment.
     */
    private static List<CustomsLine> customsLines(PickingSnapshot picking, OdooUnits units) {
        if (picking.currency() == null) {
            return List.of();
        }
        List<CustomsLine> lines = new ArrayList<>();
        for (PickingLine line : picking.lines()) {
            if (line.unitPrice() == null || line.quantity() == null) {
                return List.of();
            }
            Weight weight = line.unitWeight() == null ? null : ParcelMeasures.convert(
                    new Weight(line.unitWeight().multiply(line.quantity()), units.weight()), WeightUnit.KG, WEIGHT_SCALE);
            lines.add(new CustomsLine(line.sku(), line.description() == null ? "" : line.description(), line.hsCode(),
                    line.originCountry(), line.quantity(), weight,
                    new Money(line.unitPrice().multiply(line.quantity()), picking.currency())));
        }
        return lines;
    }

    private static boolean crossesBorder(Address from, Address to) {
        return !from.countryCode().isBlank() && !to.countryCode().isBlank()
                && !from.countryCode().equalsIgnoreCase(to.countryCode());
    }

    private static Address address(PartnerAddress partner, String role, String hint) {
        if (partner == null) {
            throw new PickingMappingException(ReasonCodes.MISSING_ADDRESS, "The " + role + " partner is missing." + hint);
        }
        return new Address(orEmpty(partner.name()), partner.company(), orEmpty(partner.street()), partner.street2(),
                orEmpty(partner.city()), partner.zip(), partner.stateCode(), orEmpty(partner.countryCode()),
                partner.phone(), partner.email(), partner.company() == null);
    }

    /** The canonical address requires these fields; an empty one is reported by validation, never published. */
    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }
}
