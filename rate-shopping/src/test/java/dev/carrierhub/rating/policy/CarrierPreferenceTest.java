package dev.carrierhub.rating.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.carrierhub.contracts.shipment.Address;
import dev.carrierhub.contracts.shipment.ServiceLevel;
import dev.carrierhub.contracts.shipment.Shipment;
import dev.carrierhub.testsupport.TestShipments;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CarrierPreferenceTest {
    private static final Address FRENCH_SHOP = new Address("Jean Dupont", "Boutique  Lumière", "1 rue de la Paix",
            null, "Paris", "75002", null, "FR", null, null, false);

    @Test
    void everyCriterionGivenMustMatch() {
        CarrierPreference rule = new CarrierPreference(List.of("ups"), Optional.of("wh"), Optional.of("fr"),
                Optional.of("boutique lumière"));

        assertThat(rule.matches(Quotes.shipment("acme", "WH", FRENCH_SHOP, ServiceLevel.STANDARD, null)))
                .as("case and spacing do not matter").isTrue();
        assertThat(rule.matches(Quotes.shipment("acme", "BER", FRENCH_SHOP, ServiceLevel.STANDARD, null)))
                .as("another warehouse").isFalse();
        assertThat(rule.matches(Quotes.shipment("acme", "WH", TestShipments.CUSTOMER, ServiceLevel.STANDARD, null)))
                .as("another customer in another country").isFalse();
        assertThat(rule.why()).isEqualTo("warehouse wh, ship-to country FR, customer boutique lumière");
    }

    @Test
    void aRuleWithoutCriteriaMatchesEveryShipment() {
        CarrierPreference rule = new CarrierPreference(List.of("dhl"), Optional.empty(), Optional.of(" "),
                Optional.empty());

        assertThat(rule.matches(Quotes.shipment(ServiceLevel.ECONOMY))).isTrue();
        assertThat(rule.why()).isEqualTo("every shipment of the tenant");
    }

    @Test
    void theCustomerIsTheCompanyOrElseThePerson() {
        CarrierPreference byPerson = new CarrierPreference(List.of("dhl"), Optional.empty(), Optional.empty(),
                Optional.of("ZOË MÜLLER"));
        CarrierPreference byPersonOfACompany = new CarrierPreference(List.of("dhl"), Optional.empty(), Optional.empty(),
                Optional.of("Jean Dupont"));

        assertThat(byPerson.matches(Quotes.shipment(ServiceLevel.ECONOMY))).isTrue();
        assertThat(byPersonOfACompany.matches(Quotes.shipment("acme", "WH", FRENCH_SHOP, ServiceLevel.ECONOMY, null)))
                .as("the company names the customer").isFalse();
    }

    @Test
    void theWarehouseIsThePrefixOfTheOdooPickingName() {
        Shipment shipment = Quotes.shipment("acme", "BER", TestShipments.CUSTOMER, ServiceLevel.ECONOMY, null);

        assertThat(CarrierPreference.warehouseCode(shipment)).contains("BER");
        assertThat(CarrierPreference.warehouseCode(TestShipments.domestic())).contains("WH");
    }

    @Test
    void aRuleNamesACarrier() {
        assertThatThrownBy(() -> new CarrierPreference(List.of(" "), Optional.empty(), Optional.empty(),
                Optional.empty())).isInstanceOf(IllegalArgumentException.class);
    }
}
