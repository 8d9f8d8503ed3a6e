package dev.carrierhub.rating.service;

import static dev.carrierhub.rating.service.Quotes.quote;
import static org.assertj.core.api.Assertions.assertThat;

import dev.carrierhub.contracts.events.Quote;
import dev.carrierhub.testsupport.TestShipments;
import dev.carrierhub.rating.client.CarrierAnswer;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class RatingTest {

    @Test
    void theFirstRankedQuoteIsChosenAndTheRestAreTheAlternatives() {
        Quote first = quote("sandbox", "SBX_ECONOMY", "6.90", 5);
        Quote second = quote("sandbox", "SBX_STANDARD", "9.90", 3);
        Rating rating = new Rating(TestShipments.domestic(), "cheapest", List.of(first, second),
                List.of(new CarrierAnswer("sandbox", CarrierAnswer.Outcome.QUOTED, List.of(first, second), null)),
                Instant.now());

        assertThat(rating.chosen()).contains(first);
        assertThat(rating.alternatives()).containsExactly(second);
        assertThat(rating.carriersTried()).containsExactly("sandbox");
    }

    @Test
    void withoutQuotesTheMessageNamesEveryCarrierTriedAndWhatItSaid() {
        Rating rating = new Rating(TestShipments.domestic(), "cheapest", List.of(), List.of(
                new CarrierAnswer("sandbox", CarrierAnswer.Outcome.UNAVAILABLE, List.of(), "sandbox answered 503"),
                new CarrierAnswer("ups", CarrierAnswer.Outcome.NO_QUOTES, List.of(), "answered without quotes")),
                Instant.now());

        assertThat(rating.chosen()).isEmpty();
        assertThat(rating.alternatives()).isEmpty();
        assertThat(rating.noQuotesMessage()).contains("sandbox (unavailable: sandbox answered 503)")
                .contains("ups (no-quotes: answered without quotes)");
        assertThat(rating.retryable()).as("the outage may pass").isTrue();
    }

    @Test
    void noConfiguredCarrierIsSaidPlainlyAndIsNotRetryable() {
        Rating rating = new Rating(TestShipments.domestic(), "cheapest", List.of(), List.of(), Instant.now());

        assertThat(rating.noQuotesMessage()).contains("no carrier account that rates is configured");
        assertThat(rating.retryable()).isFalse();
    }
}
