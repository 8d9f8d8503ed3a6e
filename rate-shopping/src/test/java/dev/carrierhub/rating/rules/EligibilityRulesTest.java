package dev.carrierhub.rating.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.carrierhub.contracts.shipment.Address;
import dev.carrierhub.contracts.shipment.Dimensions;
import dev.carrierhub.contracts.shipment.LengthUnit;
import dev.carrierhub.contracts.shipment.Money;
import dev.carrierhub.contracts.shipment.OdooPickingRef;
import dev.carrierhub.contracts.shipment.Parcel;
import dev.carrierhub.contracts.shipment.ServiceLevel;
import dev.carrierhub.contracts.shipment.Shipment;
import dev.carrierhub.contracts.shipment.Weight;
import dev.carrierhub.contracts.shipment.WeightUnit;
import dev.carrierhub.testsupport.TestShipments;
import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class EligibilityRulesTest {

    @Test
    void aParcelOverTheWeightLimitExcludesTheCarrierWhateverItsUnit() {
        MaxParcelWeightRule rule = new MaxParcelWeightRule(new BigDecimal("31.5"));

        assertThat(rule.exclude(shipment(parcel("P1", "31.5", WeightUnit.KG, null)))).isEmpty();
        assertThat(rule.exclude(shipment(parcel("P1", "2", WeightUnit.KG, null), parcel("P2", "70", WeightUnit.LB, null))))
                .contains("parcel P2 weighs 31.751 kg, over the carrier's 31.5 kg");
        assertThat(rule.exclude(shipment(parcel("P1", "31501", WeightUnit.G, null)))).isPresent();
        assertThatThrownBy(() -> new MaxParcelWeightRule(BigDecimal.ZERO)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aParcelLargerThanTheLimitInAnyOrientationExcludesTheCarrier() {
        MaxParcelDimensionsRule rule = MaxParcelDimensionsRule.parse("120 x 60 x 60");

        assertThat(rule.exclude(shipment(parcel("P1", "1", WeightUnit.KG, dims("60", "120", "60", LengthUnit.CM)))))
                .as("turned on its side it fits").isEmpty();
        assertThat(rule.exclude(shipment(parcel("P1", "1", WeightUnit.KG, dims("1200", "500", "300", LengthUnit.MM)))))
                .isEmpty();
        assertThat(rule.exclude(shipment(parcel("P1", "1", WeightUnit.KG, dims("50", "50", "121", LengthUnit.CM)))))
                .contains("parcel P1 measures 121 x 50 x 50 cm, larger than the carrier's 120 x 60 x 60 cm");
        assertThat(rule.exclude(shipment(parcel("P1", "1", WeightUnit.KG, dims("48", "24", "24", LengthUnit.IN)))))
                .as("48 in = 121.9 cm").isPresent();
        assertThat(rule.exclude(shipment(parcel("P1", "1", WeightUnit.KG, null)))).as("no dimensions, no objection")
                .isEmpty();
    }

    @Test
    void dimensionLimitsAreReadStrictly() {
        assertThat(MaxParcelDimensionsRule.parse("120x60x60")).hasToString("max 120 x 60 x 60 cm");
        assertThat(MaxParcelDimensionsRule.parse("60X120×60.5")).hasToString("max 120 x 60.5 x 60 cm");
        assertThatThrownBy(() -> MaxParcelDimensionsRule.parse("120x60")).hasMessageContaining("120x60x60");
        assertThatThrownBy(() -> MaxParcelDimensionsRule.parse("axbxc")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MaxParcelDimensionsRule.parse("120x0x60")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void bothEndsMustBeInAServedCountryAndNeitherInAnExcludedOne() {
        Shipment berlinToParis = shipment(TestShipments.WAREHOUSE, address("FR"));

        assertThat(new CountriesRule(Set.of("de", "FR"), Set.of()).exclude(berlinToParis)).isEmpty();
        assertThat(new CountriesRule(Set.of("DE", "AT"), Set.of()).exclude(berlinToParis))
                .contains("ship-to country FR is not served by the carrier (serves AT, DE)");
        assertThat(new CountriesRule(Set.of("FR"), Set.of()).exclude(berlinToParis))
                .contains("ship-from country DE is not served by the carrier (serves FR)");
        assertThat(new CountriesRule(Set.of(), Set.of("fr")).exclude(berlinToParis))
                .contains("ship-to country FR is excluded for the carrier");
        assertThat(new CountriesRule(Set.of(), Set.of("RU")).exclude(berlinToParis)).isEmpty();
    }

    @Test
    void hazardousGoodsExcludeACarrierThatTakesNone() {
        Shipment hazardous = withHazardous(TestShipments.domestic());

        assertThat(new HazardousRule().exclude(hazardous)).contains("the carrier takes no hazardous goods");
        assertThat(new HazardousRule().exclude(TestShipments.domestic())).isEmpty();
    }

    @Test
    void aPoBoxInEitherShipToStreetLineExcludesACarrierThatDoesNotDeliverThere() {
        Address poBox = new Address("Zoë Müller", null, "Acme GmbH", "Postfach 10 20 30", "Munich", "80331", null, "DE",
                null, null, true);

        assertThat(new PoBoxRule().exclude(shipment(TestShipments.WAREHOUSE, poBox)))
                .contains("the ship-to address is a PO box (\"postfach\") and the carrier does not deliver to PO boxes");
        assertThat(new PoBoxRule().exclude(TestShipments.domestic())).isEmpty();
        assertThat(new PoBoxRule().exclude(shipment(new Address("Acme", null, "PO Box 1", null, "Berlin", "10115", null,
                "DE", null, null, false), TestShipments.CUSTOMER))).as("only where it is delivered").isEmpty();
    }

    @Test
    void aCarrierIsHeldToItsOwnRulesOnlyAndEveryBrokenRuleIsGiven() {
        CarrierEligibility eligibility = new CarrierEligibility(java.util.Map.of(
                "sandbox", List.of(new HazardousRule(), new MaxParcelWeightRule(new BigDecimal("1")))));
        Shipment heavyAndHazardous = withHazardous(TestShipments.domestic());

        assertThat(eligibility.exclusion("sandbox", heavyAndHazardous)).contains(
                "the carrier takes no hazardous goods; parcel P1 weighs 2.5 kg, over the carrier's 1 kg");
        assertThat(eligibility.exclusion("ups", heavyAndHazardous)).isEmpty();
    }

    static Shipment shipment(Parcel... parcels) {
        return new Shipment("s-1", new OdooPickingRef("acme", 1, "WH/OUT/1", null), TestShipments.WAREHOUSE,
                TestShipments.CUSTOMER, List.of(parcels), Money.of("10.00", "EUR"), ServiceLevel.STANDARD, List.of(),
                false, null);
    }

    static Shipment shipment(Address from, Address to) {
        Shipment s = shipment(parcel("P1", "1", WeightUnit.KG, null));
        return new Shipment(s.shipmentId(), s.picking(), from, to, s.parcels(), s.declaredValue(), s.serviceLevel(),
                s.customsLines(), s.hazardous(), s.preferredCarrier());
    }

    static Shipment withHazardous(Shipment s) {
        return new Shipment(s.shipmentId(), s.picking(), s.shipFrom(), s.shipTo(), s.parcels(), s.declaredValue(),
                s.serviceLevel(), s.customsLines(), true, s.preferredCarrier());
    }

    static Parcel parcel(String reference, String weight, WeightUnit unit, Dimensions dimensions) {
        return new Parcel(reference, new Weight(new BigDecimal(weight), unit), dimensions, null);
    }

    static Dimensions dims(String l, String w, String h, LengthUnit unit) {
        return new Dimensions(new BigDecimal(l), new BigDecimal(w), new BigDecimal(h), unit);
    }

    static Address address(String country) {
        return new Address("Jean Dupont", null, "1 rue de la Paix", null, "Paris", "75002", null, country, null, null,
                false);
    }
}
