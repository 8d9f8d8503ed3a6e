package dev.carrierhub.rating.policy;

import static dev.carrierhub.rating.policy.Quotes.quote;
import static org.assertj.core.api.Assertions.assertThat;

import dev.carrierhub.contracts.events.Quote;
import dev.carrierhub.contracts.shipment.ServiceLevel;
import java.util.List;
import org.junit.jupiter.api.Test;

class FastestPolicyTest {
    private final RoutingPolicy policy = new FastestPolicy();

    @Test
    void theFewestTransitDaysComeFirstWhateverTheyCost() {
        Quote express = quote("sandbox", "SBX_EXPRESS", "21.15", 1);
        Quote economy = quote("sandbox", "SBX_ECONOMY", "6.90", 5);
        Quote standard = quote("sandbox", "SBX_STANDARD", "9.90", 3);

        Ranking ranking = policy.rank(Quotes.shipment(ServiceLevel.STANDARD), List.of(economy, standard, express));

        assertThat(ranking.ranked()).containsExactly(express, standard, economy);
        assertThat(ranking.reason()).isEqualTo(
                "fewest transit days of 3 quotes from 1 carrier: sandbox SBX_EXPRESS at 21.15 EUR, 1 day");
    }

    @Test
    void aQuoteWithoutTransitDaysComesAfterEveryQuoteWithThem() {
        Quote unknown = quote("a", "S", "1.00", null);
        Quote slow = quote("b", "S", "50.00", 9);

        assertThat(policy.rank(Quotes.shipment(ServiceLevel.STANDARD), List.of(unknown, slow)).ranked())
                .containsExactly(slow, unknown);
    }

    @Test
    void equalDaysGoToTheCheaperThenToTheCarrierName() {
        Quote dear = quote("alpha", "S", "12.00", 2);
        Quote cheapB = quote("beta", "S", "10.00", 2);
        Quote cheapA = quote("alpha", "T", "10.00", 2);

        assertThat(policy.rank(Quotes.shipment(ServiceLevel.STANDARD), List.of(dear, cheapB, cheapA)).ranked())
                .containsExactly(cheapA, cheapB, dear);
        assertThat(policy.name()).isEqualTo("fastest");
    }
}
