package dev.carrierhub.carriers.ups;

import static dev.carrierhub.carriers.ups.UpsFixtures.KEY;
import static dev.carrierhub.carriers.ups.UpsFixtures.json;
import static dev.carrierhub.carriers.ups.UpsFixtures.onTheWire;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.carrierhub.contracts.shipment.Parcel;
import dev.carrierhub.contracts.shipment.Shipment;
import dev.carrierhub.contracts.shipment.Weight;
import dev.carrierhub.contracts.shipment.WeightUnit;
import java.math.BigDecimal;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

class UpsRequestMapperTest {
    private final UpsSettings settings = UpsFixtures.settings(URI.create("https://wwwcie.ups.com"));
    private final UpsRequestMapper mapper = new UpsRequestMapper(settings);

    @Test
    void rateShopRequestBillsTheShipperAndConvertsToPoundsAndInches() {
        assertThat(onTheWire(mapper.rateRequest(UpsFixtures.domesticUs(), null, false)))
                .isEqualTo(json("rate-shop-request.golden.json"));
    }

    @Test
    void timeInTransitShoppingAddsTheTotalWeightAndBillType() {
        assertThat(onTheWire(mapper.rateRequest(UpsFixtures.domesticUs(), null, true)))
                .isEqualTo(json("rate-shop-time-in-transit-request.golden.json"));
    }

    @Test
    void rateRequestNamesTheServiceAndAddsTheInvoiceTotalFromTheUsToCanada() {
        assertThat(onTheWire(mapper.rateRequest(UpsFixtures.usToCanada(), "11", false)))
                .isEqualTo(json("rate-request.golden.json"));
    }

    @Test
    void shipRequestHasOnePackagePerParcelWithTheBookingReference() {
        assertThat(onTheWire(mapper.shipRequest(UpsFixtures.domesticUs(), "03", KEY)))
                .isEqualTo(json("ship-request.golden.json"));
    }

    @Test
    void internationalShipRequestIsMetricWithAShipmentReferenceAndADescription() {
        UpsRequestMapper zpl = new UpsRequestMapper(settings.withLabelFormat(UpsLabelFormat.ZPL));

        assertThat(onTheWire(zpl.shipRequest(UpsFixtures.germanyToCanada(), "65", "order-43")))
                .isEqualTo(json("ship-request-international.golden.json"));
    }

    @Test
    void pdfLabelsAreRequestedAsGifAndPngAsPng() {
        assertThat(new UpsRequestMapper(settings.withLabelFormat(UpsLabelFormat.PDF))
                .shipRequest(UpsFixtures.domesticUs(), "03", KEY)
                .at("/ShipmentRequest/LabelSpecification/LabelImageFormat/Code").asText()).isEqualTo("GIF");
        assertThat(new UpsRequestMapper(settings.withLabelFormat(UpsLabelFormat.PNG))
                .shipRequest(UpsFixtures.domesticUs(), "03", KEY)
                .at("/ShipmentRequest/LabelSpecification/LabelImageFormat/Code").asText()).isEqualTo("PNG");
    }

    @Test
    void weightsAreConvertedOnceAndRoundedUpToATenth() {
        assertThat(weightOf("3", WeightUnit.LB)).isEqualTo("3.0");
        assertThat(weightOf("40", WeightUnit.OZ)).isEqualTo("2.5");
        assertThat(weightOf("1", WeightUnit.KG)).isEqualTo("2.3");
        assertThat(weightOf("10", WeightUnit.G)).isEqualTo("0.1");
        assertThat(weightOf("0", WeightUnit.KG)).isEqualTo("0.1");
    }

    @Test
    void textIsCutToUpsLengthsAndCodesAreNormalised() {
        assertThat(UpsRequestMapper.stateCode("US-il")).isEqualTo("IL");
        assertThat(UpsRequestMapper.stateCode("GA")).isEqualTo("GA");
        assertThat(UpsRequestMapper.postalCode("30005-1234")).isEqualTo("300051234");
        assertThat(UpsRequestMapper.postalCode("SW1A 1AA")).isEqualTo("SW1A 1AA");
        assertThat(UpsRequestMapper.phone("+1 (410) 555-0100 ext 42")).isEqualTo("1410555010042");
        assertThat(UpsRequestMapper.phone("n/a")).isNull();
        assertThat(UpsRequestMapper.cut("  a very long company name that UPS will not print in full  ", 35))
                .isEqualTo("a very long company name that UPS w").hasSizeLessThanOrEqualTo(35);
    }

    @Test
    void anUnknownPackageTypeIsCustomerSuppliedAndAUpsCodeIsKept() {
        JsonNode request = mapper.shipRequest(withPackageTypes("21", "crate"), "03", KEY);

        assertThat(request.at("/ShipmentRequest/Shipment/Package/0/Packaging/Code").asText()).isEqualTo("21");
        assertThat(request.at("/ShipmentRequest/Shipment/Package/1/Packaging/Code").asText()).isEqualTo("02");
    }

    @Test
    void theSameKeyAlwaysGivesTheSameShortReference() {
        assertThat(UpsBookingReference.of("order-43")).isEqualTo("order-43");
        assertThat(UpsBookingReference.of(KEY)).isEqualTo(UpsBookingReference.of(KEY))
                .startsWith("CH").hasSize(34).matches("[A-Z0-9]+");
        assertThat(UpsBookingReference.of(KEY + "x")).isNotEqualTo(UpsBookingReference.of(KEY));
        assertThat(UpsBookingReference.of("x".repeat(36))).hasSize(34);
    }

    private String weightOf(String value, WeightUnit unit) {
        Shipment base = UpsFixtures.domesticUsOneParcel();
        Shipment shipment = new Shipment(base.shipmentId(), base.picking(), base.shipFrom(), base.shipTo(),
                List.of(new Parcel("P1", new Weight(new BigDecimal(value), unit), null, null)), base.declaredValue(),
                base.serviceLevel(), List.of(), false, null);
        return mapper.rateRequest(shipment, null, false).at("/RateRequest/Shipment/Package/0/PackageWeight/Weight").asText();
    }

    private static Shipment withPackageTypes(String first, String second) {
        Shipment base = UpsFixtures.domesticUs();
        List<Parcel> parcels = List.of(
                new Parcel("P1", base.parcels().get(0).weight(), null, first),
                new Parcel("P2", base.parcels().get(1).weight(), null, second));
        return new Shipment(base.shipmentId(), base.picking(), base.shipFrom(), base.shipTo(), parcels,
                base.declaredValue(), base.serviceLevel(), List.of(), false, null);
    }
}
