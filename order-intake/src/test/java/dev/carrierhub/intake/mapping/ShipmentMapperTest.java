package dev.carrierhub.intake.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.carrierhub.contracts.shipment.Address;
import dev.carrierhub.contracts.shipment.LengthUnit;
import dev.carrierhub.contracts.shipment.ServiceLevel;
import dev.carrierhub.contracts.shipment.Shipment;
import dev.carrierhub.contracts.shipment.ShipmentIds;
import dev.carrierhub.contracts.shipment.WeightUnit;
import dev.carrierhub.intake.client.PartnerAddress;
import dev.carrierhub.intake.client.PickingLine;
import dev.carrierhub.intake.client.PickingSnapshot;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ShipmentMapperTest {
    static final PartnerAddress DANA = new PartnerAddress("Dana Whitfield", "Bluebird Outdoor Supply",
            "4417 Maple Ave", "Dock 3", "Portland", "97205", "OR", "US", "+1 503-555-0199", "dana@example.test", false);
    static final PartnerAddress ACME = new PartnerAddress("Acme Fulfilment Inc.", "Acme Fulfilment Inc.",
            "250 Executive Park Blvd", "Suite 3400", "San Francisco", "94134", "CA", "US", null, null, true);
    static final PartnerAddress ZOE = new PartnerAddress("Zoë Müller-Łukasiewicz", null, "ul. Świętokrzyska 14", null,
            "Kraków", "31-153", null, "PL", null, "zoe.mueller@example.pl", false);
    /** The recorded picking 11's lines: 2 tents and 3 headlamps. */
    static final List<PickingLine> LINES = List.of(
            new PickingLine("TT-2P-GRN", "Trail Tent 2P", "6306.22", null, new BigDecimal("2.0"), new BigDecimal("2.35"),
                    new BigDecimal("249.0")),
            new PickingLine("HL-300", "Headlamp 300 lm", "8513.10", null, new BigDecimal("3.0"), new BigDecimal("0.09"),
                    new BigDecimal("34.9")));

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
            assertThat(parcel.dimensions()).as("no default parcel mapped").isNull();
        });
        assertThat(shipment.declaredValue().amount()).isEqualByComparingTo("602.7");
        assertThat(shipment.declaredValue().currency()).isEqualTo("USD");
        assertThat(shipment.serviceLevel()).isEqualTo(ServiceLevel.STANDARD);
        assertThat(shipment.preferredCarrier()).isNull();
        assertThat(shipment.customsLines()).as("US to US needs no customs").isEmpty();
    }

    @Test
    void theCarrierMappingChoosesCarrierAndServiceLevel() {
        TenantMappings mappings = new TenantMappings(
                Map.of(3L, new CarrierService("ups", "03", ServiceLevel.ECONOMY)), Map.of(), null);

        Shipment shipment = mapper.toShipment("acme", picking(DANA, BigDecimal.ONE), mappings, OdooUnits.DEFAULT);

        assertThat(shipment.preferredCarrier()).isEqualTo("ups");
        assertThat(shipment.serviceLevel()).isEqualTo(ServiceLevel.ECONOMY);
    }

    @Test
    void anUnmappedCarrierLeavesTheChoiceToRateShopping() {
        TenantMappings mappings = new TenantMappings(
                Map.of(99L, new CarrierService("ups", "03", ServiceLevel.ECONOMY)), Map.of(), null);

        Shipment shipment = mapper.toShipment("acme", picking(DANA, BigDecimal.ONE), mappings, OdooUnits.DEFAULT);

        assertThat(shipment.preferredCarrier()).isNull();
        assertThat(shipment.serviceLevel()).isEqualTo(ServiceLevel.STANDARD);
    }

    @Test
    void aWarehouseOverrideReplacesTheShipFromEvenWhenOdooHasNone() {
        Address reno = new Address("Acme West", "Acme Fulfilment Inc.", "1 Logistics Way", null, "Reno", "89502", "NV",
                "US", null, null, false);
        TenantMappings mappings = new TenantMappings(Map.of(), Map.of(1L, reno), null);

        Shipment shipment = mapper.toShipment("acme", picking(DANA, null, BigDecimal.ONE, LINES), mappings,
                OdooUnits.DEFAULT);

        assertThat(shipment.shipFrom()).isEqualTo(reno);
    }

    @Test
    void theDefaultParcelGivesDimensionsConvertedFromOdoosMillimetres() {
        TenantMappings mappings = new TenantMappings(Map.of(), Map.of(),
                new DefaultParcel(new BigDecimal("400.0"), new BigDecimal("300"), new BigDecimal("205"), LengthUnit.MM,
                        "Box M"));

        Shipment shipment = mapper.toShipment("acme", picking(DANA, BigDecimal.ONE), mappings, OdooUnits.DEFAULT);

        assertThat(shipment.parcels()).singleElement().satisfies(parcel -> {
            assertThat(parcel.dimensions().unit()).isEqualTo(LengthUnit.CM);
            assertThat(parcel.dimensions().length()).isEqualByComparingTo("40");
            assertThat(parcel.dimensions().width()).isEqualByComparingTo("30");
            assertThat(parcel.dimensions().height()).isEqualByComparingTo("20.5");
            assertThat(parcel.packageType()).isEqualTo("Box M");
        });
    }

    @Test
    void anOdooInPoundsIsConvertedToKilograms() {
        Shipment shipment = mapper.toShipment("acme", picking(DANA, new BigDecimal("10")), TenantMappings.NONE,
                new OdooUnits(WeightUnit.LB, LengthUnit.IN));

        assertThat(shipment.parcels().get(0).weight().value()).isEqualByComparingTo("4.536");
        assertThat(shipment.parcels().get(0).weight().unit()).isEqualTo(WeightUnit.KG);
    }

    @Test
    void aCrossBorderPickingGetsOneCustomsLinePerMoveValuedAtTheSalesPrice() {
        Shipment shipment = mapper.toShipment("acme", picking(ZOE, ACME, BigDecimal.ONE, LINES), TenantMappings.NONE,
                OdooUnits.DEFAULT);

        assertThat(shipment.customsLines()).hasSize(2);
        assertThat(shipment.customsLines().get(0)).satisfies(line -> {
            assertThat(line.sku()).isEqualTo("TT-2P-GRN");
            assertThat(line.hsCode()).isEqualTo("6306.22");
            assertThat(line.quantity()).isEqualByComparingTo("2");
            assertThat(line.value().amount()).isEqualByComparingTo("498");
            assertThat(line.value().currency()).isEqualTo("USD");
            assertThat(line.weight().value()).isEqualByComparingTo("4.7");
        });
    }

    @Test
    void aLineWithoutPriceMeansNoCustomsLinesRatherThanAnUnderDeclaration() {
        List<PickingLine> lines = List.of(LINES.get(0),
                new PickingLine(null, "[SB-M5] Sleeping Bag -5°C", null, null, BigDecimal.ONE, null, null));

        Shipment shipment = mapper.toShipment("acme", picking(ZOE, ACME, BigDecimal.ONE, lines), TenantMappings.NONE,
                OdooUnits.DEFAULT);

        assertThat(shipment.customsLines()).isEmpty();
    }

    @Test
    void keepsGapsForValidationToReport() {
        PartnerAddress noStreet = new PartnerAddress("Zoe", null, null, null, "Krakow", "30-001", null, "PL",
                null, null, false);

        Shipment shipment = mapper.toShipment("acme", picking(noStreet, null));

        assertThat(shipment.shipTo().street1()).isEmpty();
        assertThat(shipment.parcels().get(0).weight().value()).isZero();
    }

    @Test
    void refusesAPickingWithoutShipFromPartnerOrOverride() {
        assertThatThrownBy(() -> mapper.toShipment("acme", picking(DANA, null, BigDecimal.ONE, List.of())))
                .isInstanceOfSatisfying(PickingMappingException.class,
                        e -> assertThat(e.reasonCode()).isEqualTo("missing-address"));
    }

    static PickingSnapshot picking(PartnerAddress shipTo, BigDecimal weight) {
        return picking(shipTo, ACME, weight, LINES);
    }

    static PickingSnapshot picking(PartnerAddress shipTo, PartnerAddress shipFrom, BigDecimal weight,
            List<PickingLine> lines) {
        return new PickingSnapshot(11, "WH/OUT/00011", "S00009 - PO-88213", "assigned", weight, shipTo, shipFrom, "USD",
                new BigDecimal("602.7"), "UPS Ground (middleware)", 3L, 1L, lines);
    }
}
