package dev.carrierhub.rating.policy;

import static dev.carrierhub.rating.policy.Quotes.quote;
import static org.assertj.core.api.Assertions.assertThat;

import dev.carrierhub.contracts.events.Quote;
import dev.carrierhub.contracts.shipment.ServiceLevel;
import java.util.List;
import org.junit.jupiter.api.Test;

class CheapestInLevelPolicyTest {
    private final RoutingPolicy policy = new CheapestInLevelPolicy();
    private final Quote economy = quote("sandbox", "SBX_ECONOMY", ServiceLevel.ECONOMY, "6.90", 5);
    private final Quote standard = quote("sandbox", "SBX_STANDARD", ServiceLevel.STANDARD, "9.90", 3);
    private final Quote express = quote("ups", "EXPRESS", ServiceLevel.EXPRESS, "9.50", 1);
    private final Quote overnight = quote("ups", "NEXT_DAY", ServiceLevel.OVERNIGHT, "30.00", 1);

    @Test
    void theCheapestQuoteAtTheRequestedLevelOrAboveWinsAndCheaperOnesBelowAreLeftOutWithTheirReason() {
        Ranking ranking = policy.rank(Quotes.shipment(ServiceLevel.STANDARD), List.of(economy, standard, express,
                overnight));

        assertThat(ranking.ranked()).as("a better level is fine when it is cheaper")
                .containsExactly(express, standard, overnight);
        assertThat(ranking.rejected()).singleElement().satisfies(rejected -> {
            assertThat(rejected.quote()).isEqualTo(economy);
            assertThat(rejected.reason()).isEqualTo("service level ECONOMY is below the requested STANDARD");
        });
        assertThat(ranking.reason()).isEqualTo("lowest price at STANDARD or better of 3 quotes from 2 carriers "
                + "(1 below it left out): ups EXPRESS at 9.50 EUR, 1 day");
    }

    @Test
    void theLevelIsAFloorSoAnEconomyRequestTakesEveryQuote() {
        assertThat(policy.rank(Quotes.shipment(ServiceLevel.ECONOMY), List.of(standard, economy)).ranked())
                .containsExactly(economy, standard);
    }

    @Test
    void aQuoteWithoutALevelCannotProveItMeetsTheFloor() {
        Quote unknown = quote("x", "S", null, "1.00", 1);

        Ranking ranking = policy.rank(Quotes.shipment(ServiceLevel.ECONOMY), List.of(unknown));

        assertThat(ranking.ranked()).isEmpty();
        assertThat(ranking.rejected()).extracting(Ranking.RejectedQuote::reason)
                .containsExactly("gives no service level, so ECONOMY or better cannot be confirmed");
    }

    @Test
    void whenNothingMeetsTheFloorThereIsNoChoiceAndTheReasonSaysWhy() {
        Ranking ranking = policy.rank(Quotes.shipment(ServiceLevel.OVERNIGHT), List.of(economy, standard, express));

        assertThat(ranking.ranked()).isEmpty();
        assertThat(ranking.rejected()).hasSize(3);
        assertThat(ranking.reason()).isEqualTo("no quote at the requested OVERNIGHT or better (3 below it left out)");
        assertThat(policy.name()).isEqualTo("cheapest-in-level");
    }
}
