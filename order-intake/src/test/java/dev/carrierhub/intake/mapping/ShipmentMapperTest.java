package dev.carrierhub.intake.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.carrierhub.contracts.shipment.Shipment;
import dev.carrierhub.contracts.shipment.ShipmentIds;
import dev.carrierhub.contracts.shipment.WeightUnit;
import dev.carrierhub.intake.client.PartnerAddress;
import dev.carrierhub.intake.client.PickingSnapshot;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class ShipmentMapperTest {
    private static final PartnerAddress DANA = new PartnerAddress("Dana Whitfield", "Bluebird Outdoor Supply",
            "4417 Maple Ave", "Dock 3", "Portland", "97205", "OR", "US", "+1 503-555-0199", "dana@example.test", false);
    private static final PartnerAddress ACME = new PartnerAddress("Acme Fulfilment Inc.", "Acme Fulfilment Inc.",
            "250 Executive Park Blvd", "Suite 3400", "San Francisco", "94134", "CA", "US", null, null, true);

    private final ShipmentMapper mapper = new ShipmentMapper();

    @Test
    void mapsAPickingToTheCanonicalShipment() {
        Shipment shipment = mapper.toShipment("acme", picking(DANA, new BigDecimal("4.970000000000001")));

        assertThat(shipment.shipmentId()).isEqualTo(ShipmentIds.forPicking("acme", 11));
        assertThat(shipment.picking().pickingName()).isEqualTo("WH/OUT/00011");
        assertThat(shipment.shipTo().city()).isEqualTo("Portland");
        assertThat(shipment.shipTo().residential()).as("a contact of a company is a business address").isFalse();
        assertThat(shipment.shipFrom().stateCode()).isEqualTo("CA");
        assertThat(shipment.parcels()).singleElement().satisfies(parcel -> {
            assertThat(parcel.weight().value()).isEqualByComparingTo("4.970");
            assertThat(parcel.weight().value().scale()).isEqualTo(3);
            assertThat(parcel.weight().unit()).isEqualTo(WeightUnit.KG);
        });
        assertThat(shipment.declaredValue().amount()).isEqualByComparingTo("602.7");
        assertThat(shipment.declaredValue().currency()).isEqualTo("USD");
    }

    @Test
    void refusesAnAddressWithoutStreet() {
        PartnerAddress noStreet = new PartnerAddress("Zoe", null, null, null, "Krakow", "30-001", null, "PL",
                null, null, false);

        assertThatThrownBy(() -> mapper.toShipment("acme", picking(noStreet, BigDecimal.ONE)))
                .isInstanceOfSatisfying(PickingMappingException.class,
                        e -> assertThat(e.reasonCode()).isEqualTo("incomplete-address"));
    }

    @Test
    void refusesAPickingWithoutWeight() {
        assertThatThrownBy(() -> mapper.toShipment("acme", picking(DANA, null)))
                .isInstanceOfSatisfying(PickingMappingException.class,
                        e -> assertThat(e.reasonCode()).isEqualTo("missing-weight"));
    }

    private static PickingSnapshot picking(PartnerAddress shipTo, BigDecimal weight) {
        return new PickingSnapshot(11, "WH/OUT/00011", "S00009 - PO-88213", "assigned", weight, shipTo, ACME, "USD",
                new BigDecimal("602.7"), "UPS Ground (middleware)");
    }
}
