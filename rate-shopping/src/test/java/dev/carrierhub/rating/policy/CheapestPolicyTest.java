package dev.carrierhub.rating.policy;

import static dev.carrierhub.rating.policy.Quotes.quote;
import static org.assertj.core.api.Assertions.assertThat;

import dev.carrierhub.contracts.events.Quote;
import dev.carrierhub.contracts.shipment.ServiceLevel;
import dev.carrierhub.contracts.shipment.Shipment;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class CheapestPolicyTest {
    private final RoutingPolicy policy = new CheapestPolicy();
    private final Shipment shipment = Quotes.shipment(ServiceLevel.STANDARD);

    @Test
    void theLowestPriceComesFirstAndTheReasonSaysSo() {
        Quote express = quote("sandbox", "SBX_EXPRESS", "21.15", 1);
        Quote economy = quote("sandbox", "SBX_ECONOMY", "6.90", 5);
        Quote standard = quote("ups", "GROUND", "9.90", 3);

        Ranking ranking = policy.rank(shipment, List.of(express, economy, standard));

        assertThat(ranking.ranked()).containsExactly(economy, standard, express);
        assertThat(ranking.rejected()).isEmpty();
        assertThat(ranking.reason())
                .isEqualTo("lowest price of 3 quotes from 2 carriers: sandbox SBX_ECONOMY at 6.90 EUR, 5 days");
    }

    @Test
    void pricesAreComparedAsDecimalsNotAsText() {
        Quote tenEuros = quote("a", "S", "10.00", 2);
        Quote nineEuros = quote("b", "S", "9.5", 2);

        assertThat(policy.rank(shipment, List.of(tenEuros, nineEuros)).ranked()).containsExactly(nineEuros, tenEuros);
    }

    @Test
    void anEqualPriceGoesToTheFasterServiceThenToTheCarrierName() {
        Quote slowA = quote("alpha", "S", "7.00", 4);
        Quote fastB = quote("beta", "S", "7.0", 2);
        Quote fastA = quote("alpha", "X", "7.00", 2);
        Quote unknownDays = quote("aardvark", "S", "7.00", null);

        assertThat(policy.rank(shipment, List.of(slowA, unknownDays, fastB, fastA)).ranked())
                .containsExactly(fastA, fastB, slowA, unknownDays);
    }

    @Test
    void theRankingDoesNotDependOnTheOrderTheAnswersArrivedIn() {
        List<Quote> quotes = new ArrayList<>(List.of(quote("ups", "GROUND", "8.00", 3), quote("dhl", "PAKET", "8.00", 3),
                quote("dhl", "EXPRESS", "8.00", 3), quote("sandbox", "SBX_ECONOMY", "6.90", 5),
                quote("sandbox", "SBX_STANDARD", "8.00", null)));
        List<Quote> expected = policy.rank(shipment, quotes).ranked();
        Random random = new Random(7);

        for (int i = 0; i < 50; i++) {
            Collections.shuffle(quotes, random);
            assertThat(policy.rank(shipment, quotes).ranked()).containsExactlyElementsOf(expected);
        }
        assertThat(expected.get(0).serviceCode()).isEqualTo("SBX_ECONOMY");
        assertThat(expected.subList(1, 4)).extracting(Quote::serviceCode).containsExactly("EXPRESS", "PAKET", "GROUND");
    }

    @Test
    void noQuotesRankToNothing() {
        Ranking ranking = policy.rank(shipment, List.of());

        assertThat(ranking.ranked()).isEmpty();
        assertThat(ranking.reason()).isEqualTo("no quote to choose from");
        assertThat(policy.name()).isEqualTo("cheapest");
    }
}
