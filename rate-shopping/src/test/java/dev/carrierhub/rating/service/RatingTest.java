package dev.carrierhub.rating.service;

import static dev.carrierhub.rating.policy.Quotes.quote;
import static org.assertj.core.api.Assertions.assertThat;

import dev.carrierhub.contracts.events.Quote;
import dev.carrierhub.contracts.shipment.ServiceLevel;
import dev.carrierhub.rating.client.CarrierAnswer;
import dev.carrierhub.rating.policy.Ranking;
import dev.carrierhub.testsupport.TestShipments;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class RatingTest {

    @Test
    void theFirstRankedQuoteIsChosenTheRestAreTheAlternativesAndThePolicyCarriesTheReason() {
        Quote first = quote("sandbox", "SBX_ECONOMY", "6.90", 5);
        Quote second = quote("sandbox", "SBX_STANDARD", "9.90", 3);
        Rating rating = new Rating(TestShipments.domestic(), "cheapest", "lowest price of 2 quotes", List.of(first, second),
                List.of(), List.of(new CarrierAnswer("sandbox", CarrierAnswer.Outcome.QUOTED, List.of(first, second), null)),
                Instant.now(), Duration.ZERO);

        assertThat(rating.chosen()).contains(first);
        assertThat(rating.alternatives()).containsExactly(second);
        assertThat(rating.carriersTried()).containsExactly("sandbox");
        assertThat(rating.decision()).isEqualTo("cheapest: lowest price of 2 quotes");
        assertThat(rating.outcome()).isEqualTo(Rating.Outcome.RATED);
        assertThat(rating.cacheable()).isTrue();
    }

    @Test
    void withoutQuotesTheMessageNamesEveryCarrierAndWhatItSaid() {
        Rating rating = noChoice(List.of(
                new CarrierAnswer("sandbox", CarrierAnswer.Outcome.UNAVAILABLE, List.of(), "sandbox answered 503"),
                CarrierAnswer.excluded("ups", "the carrier takes no hazardous goods")), List.of());

        assertThat(rating.outcome()).isEqualTo(Rating.Outcome.NO_QUOTES);
        assertThat(rating.outcome().reasonCode()).isEqualTo("no-quotes");
        assertThat(rating.chosen()).isEmpty();
        assertThat(rating.noChoiceMessage()).startsWith("No carrier quoted shipment ")
                .contains("sandbox (unavailable: sandbox answered 503)")
                .contains("ups (excluded: the carrier takes no hazardous goods)");
        assertThat(rating.retryable()).as("the outage may pass").isTrue();
        assertThat(rating.cacheable()).as("so it is not cached").isFalse();
    }

    @Test
    void whenTheRulesExcludeEveryCarrierThereIsNoEligibleCarrierAndNothingToRetry() {
        Rating rating = noChoice(List.of(CarrierAnswer.excluded("sandbox", "the carrier takes no hazardous goods"),
                CarrierAnswer.excluded("ups", "ship-to country RU is excluded for the carrier")), List.of());

        assertThat(rating.outcome()).isEqualTo(Rating.Outcome.NO_ELIGIBLE_CARRIER);
        assertThat(rating.outcome().reasonCode()).isEqualTo("no-eligible-carrier");
        assertThat(rating.noChoiceMessage()).startsWith("No carrier may carry shipment ")
                .contains("sandbox (excluded: the carrier takes no hazardous goods), "
                        + "ups (excluded: ship-to country RU is excluded for the carrier)");
        assertThat(rating.retryable()).isFalse();
    }

    @Test
    void whenThePolicyTakesNoneOfTheQuotesTheMessageSaysWhyForEachOne() {
        Quote economy = quote("sandbox", "SBX_ECONOMY", ServiceLevel.ECONOMY, "6.90", 5);
        Rating rating = new Rating(TestShipments.domestic(), "cheapest-in-level", "no quote at the requested STANDARD",
                List.of(), List.of(new Ranking.RejectedQuote(economy, "service level ECONOMY is below the requested STANDARD")),
                List.of(new CarrierAnswer("sandbox", CarrierAnswer.Outcome.QUOTED, List.of(economy), null)), Instant.now(),
                Duration.ZERO);

        assertThat(rating.outcome()).isEqualTo(Rating.Outcome.NO_ELIGIBLE_QUOTE);
        assertThat(rating.noChoiceMessage()).contains("meets policy cheapest-in-level")
                .contains("sandbox SBX_ECONOMY at 6.90 EUR, 5 days (service level ECONOMY is below the requested STANDARD)");
    }

    @Test
    void noConfiguredCarrierIsSaidPlainlyAndIsNotRetryable() {
        Rating rating = noChoice(List.of(), List.of());

        assertThat(rating.outcome()).isEqualTo(Rating.Outcome.NO_ELIGIBLE_CARRIER);
        assertThat(rating.noChoiceMessage()).contains("no carrier account that rates is configured");
        assertThat(rating.retryable()).isFalse();
    }

    @Test
    void aCachedRatingIsHandedOutForTheShipmentThatAskedWithWhatTheCarriersSaidThen() {
        Quote first = quote("sandbox", "SBX_ECONOMY", "6.90", 5);
        Instant then = Instant.parse("2026-01-01T10:00:00Z");
        Rating rating = new Rating(TestShipments.domestic(), "cheapest", "r", List.of(first), List.of(), List.of(), then,
                Duration.ofMillis(3));
        var other = TestShipments.domestic();

        Rating forOther = rating.forShipment(other);

        assertThat(forOther.shipment()).isEqualTo(other);
        assertThat(forOther.ranked()).containsExactly(first);
        assertThat(forOther.ratedAt()).isEqualTo(then);
        assertThat(forOther.carrierTime()).isEqualTo(Duration.ofMillis(3));
    }

    private static Rating noChoice(List<CarrierAnswer> answers, List<Ranking.RejectedQuote> rejected) {
        return new Rating(TestShipments.domestic(), "cheapest", "no quote to choose from", List.of(), rejected, answers,
                Instant.now(), Duration.ZERO);
    }
}
