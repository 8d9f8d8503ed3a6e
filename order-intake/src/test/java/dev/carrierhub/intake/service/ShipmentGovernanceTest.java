package dev.carrierhub.intake.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.carrierhub.contracts.shipment.LengthUnit;
import dev.carrierhub.contracts.shipment.ServiceLevel;
import dev.carrierhub.contracts.shipment.Weight;
import dev.carrierhub.contracts.shipment.WeightUnit;
import dev.carrierhub.intake.client.PartnerAddress;
import dev.carrierhub.intake.client.PickingLine;
import dev.carrierhub.intake.client.PickingSnapshot;
import dev.carrierhub.intake.mapping.CarrierService;
import dev.carrierhub.intake.mapping.DefaultParcel;
import dev.carrierhub.intake.mapping.OdooUnits;
import dev.carrierhub.intake.mapping.PickingMappingException;
import dev.carrierhub.intake.mapping.TenantMappings;
import dev.carrierhub.intake.validation.ParcelMeasures.SideLength;
import dev.carrierhub.intake.validation.ValidationPolicy;
import dev.carrierhub.intake.validation.Violation;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Picking 11 as recorded from Odoo 18, mapped and validated under different tenants' tables and rules. */
class ShipmentGovernanceTest {
    private static final PartnerAddress DANA = new PartnerAddress("Dana Whitfield", "Bluebird Outdoor Supply",
            "4417 Maple Ave", "Dock 3", "Portland", "97205", "OR", "US", "+1 503-555-0199", "dana@example.test", false);
    private static final PartnerAddress ACME = new PartnerAddress("Acme Fulfilment Inc.", "Acme Fulfilment Inc.",
            "250 Executive Park Blvd", "Suite 3400", "San Francisco", "94134", "CA", "US", "+1 415-555-0134", null, true);
    private static final PickingSnapshot PICKING_11 = new PickingSnapshot(11, "WH/OUT/00011", "S00009 - PO-88213",
            "assigned", new BigDecimal("4.970000000000001"), DANA, ACME, "USD", new BigDecimal("602.7"),
            "UPS Ground (middleware)", 3L, 1L, List.of(new PickingLine("TT-2P-GRN", "Trail Tent 2P", "6306.22", null,
                    new BigDecimal("2"), new BigDecimal("2.35"), new BigDecimal("249.0"))));
    private static final DefaultParcel BOX_M = new DefaultParcel(new BigDecimal("400"), new BigDecimal("300"),
            new BigDecimal("200"), LengthUnit.MM, "Box M");

    private final ShipmentGovernance governance = new ShipmentGovernance();

    @Test
    void aMappedCarrierAndBoxGoIntoTheShipment() {
        TenantMappings mappings = new TenantMappings(
                Map.of(3L, new CarrierService("sandbox", "SBX_ECONOMY", ServiceLevel.ECONOMY)), Map.of(), BOX_M);

        ShipmentGovernance.Accepted accepted = governance.prepare("acme", PICKING_11, mappings, OdooUnits.DEFAULT,
                ValidationPolicy.DEFAULT);

        assertThat(accepted.shipment().preferredCarrier()).isEqualTo("sandbox");
        assertThat(accepted.shipment().serviceLevel()).isEqualTo(ServiceLevel.ECONOMY);
        assertThat(accepted.shipment().parcels().get(0).dimensions().length()).isEqualByComparingTo("40");
        assertThat(accepted.shipment().shipTo().phone()).isEqualTo("+15035550199");
        assertThat(accepted.warnings()).isEmpty();
    }

    @Test
    void anUnmappedOdooCarrierIsAWarning() {
        ShipmentGovernance.Accepted accepted = governance.prepare("acme", PICKING_11, TenantMappings.NONE,
                OdooUnits.DEFAULT, ValidationPolicy.DEFAULT);

        assertThat(accepted.warnings()).extracting(Violation::code).containsExactly("mapping.carrier.unmapped");
        assertThat(accepted.shipment().preferredCarrier()).isNull();
    }

    @Test
    void aStrictTenantRefusesThePickingWithEveryReason() {
        ValidationPolicy strict = ValidationPolicy.DEFAULT
                .withMaxParcelWeight(new Weight(new BigDecimal("2"), WeightUnit.KG))
                .withMaxParcelSide(new SideLength(new BigDecimal("30"), LengthUnit.CM));

        assertThatThrownBy(() -> governance.prepare("strict", PICKING_11, new TenantMappings(Map.of(), Map.of(), BOX_M),
                OdooUnits.DEFAULT, strict))
                .isInstanceOfSatisfying(PickingMappingException.class, e -> {
                    assertThat(e.reasonCode()).isEqualTo("parcel.weight.exceeds-limit");
                    assertThat(e.violations()).extracting(Violation::code)
                            .containsExactly("parcel.weight.exceeds-limit", "parcel.dimensions.exceeds-limit");
                    assertThat(e.getMessage()).startsWith("Picking WH/OUT/00011 failed 2 validation rules:\n")
                            .contains("[parcel.weight.exceeds-limit]", "[parcel.dimensions.exceeds-limit]");
                });
    }
}
