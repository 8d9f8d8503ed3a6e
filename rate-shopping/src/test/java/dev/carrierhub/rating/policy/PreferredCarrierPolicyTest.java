package dev.carrierhub.rating.policy;

import static dev.carrierhub.rating.policy.Quotes.quote;
import static org.assertj.core.api.Assertions.assertThat;

import dev.carrierhub.contracts.events.Quote;
import dev.carrierhub.contracts.shipment.ServiceLevel;
import dev.carrierhub.contracts.shipment.Shipment;
import dev.carrierhub.testsupport.TestShipments;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PreferredCarrierPolicyTest {
    private final Quote sandboxCheap = quote("sandbox", "SBX_ECONOMY", "6.90", 5);
    private final Quote upsDear = quote("ups", "GROUND", "12.00", 3);
    private final Quote upsDearer = quote("ups", "EXPRESS", "25.00", 1);
    private final Quote dhl = quote("dhl", "PAKET", "8.00", 2);

    private final PreferredCarrierPolicy policy = new PreferredCarrierPolicy(List.of(
            new CarrierPreference(List.of("ups", "dhl"), Optional.of("WH"), Optional.empty(), Optional.empty()),
            new CarrierPreference(List.of("dhl"), Optional.empty(), Optional.of("DE"), Optional.empty())));

    @Test
    void thePreferredCarriersComeFirstInTheirOrderThenEveryOtherQuoteCheapestFirst() {
        Ranking ranking = policy.rank(shipmentFrom("WH", null), List.of(sandboxCheap, upsDearer, dhl, upsDear));

        assertThat(ranking.ranked()).containsExactly(upsDear, upsDearer, dhl, sandboxCheap);
        assertThat(ranking.reason()).isEqualTo("ups is preferred for warehouse WH: ups GROUND at 12.00 EUR, 3 days");
    }

    @Test
    void theFirstMatchingRuleApplies() {
        Ranking ranking = policy.rank(shipmentFrom("BER", null), List.of(sandboxCheap, upsDear, dhl));

        assertThat(ranking.ranked()).containsExactly(dhl, sandboxCheap, upsDear);
        assertThat(ranking.reason()).startsWith("dhl is preferred for ship-to country DE: ");
    }

    @Test
    void withoutAQuoteFromAPreferredCarrierItFallsBackToTheCheapestAndSaysSo() {
        Ranking ranking = policy.rank(shipmentFrom("WH", null), List.of(sandboxCheap,
                quote("fedex", "GROUND", "7.50", 2)));

        assertThat(ranking.ranked()).extracting(Quote::carrier).containsExactly("sandbox", "fedex");
        assertThat(ranking.reason()).isEqualTo("no quote from preferred ups (warehouse WH), dhl (warehouse WH); "
                + "fell back to the lowest price of 2 quotes from 2 carriers: sandbox SBX_ECONOMY at 6.90 EUR, 5 days");
    }

    @Test
    void theCarrierChosenOnTheOdooPickingComesBeforeTheRules() {
        Ranking ranking = policy.rank(shipmentFrom("WH", "sandbox"), List.of(upsDear, sandboxCheap, dhl));

        assertThat(ranking.ranked()).containsExactly(sandboxCheap, upsDear, dhl);
        assertThat(ranking.reason()).startsWith("sandbox is preferred for the carrier chosen on the Odoo picking");
    }

    @Test
    void withNoRuleMatchingItIsTheCheapest() {
        PreferredCarrierPolicy onlyForBerlin = new PreferredCarrierPolicy(List.of(
                new CarrierPreference(List.of("ups"), Optional.of("BER"), Optional.empty(), Optional.empty())));

        Ranking ranking = onlyForBerlin.rank(shipmentFrom("WH", null), List.of(upsDear, sandboxCheap));

        assertThat(ranking.ranked()).containsExactly(sandboxCheap, upsDear);
        assertThat(ranking.reason()).startsWith("no carrier is preferred for this shipment; lowest price of 2 quotes");
        assertThat(onlyForBerlin.rank(shipmentFrom("WH", null), List.of()).reason()).isEqualTo("no quote to choose from");
    }

    private static Shipment shipmentFrom(String warehouse, String preferredCarrier) {
        return Quotes.shipment("acme", warehouse, TestShipments.CUSTOMER, ServiceLevel.STANDARD, preferredCarrier);
    }
}
