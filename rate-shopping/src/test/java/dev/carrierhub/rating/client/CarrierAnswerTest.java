package dev.carrierhub.rating.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.carrierhub.carriers.CarrierErrorKind;
import dev.carrierhub.carriers.CarrierException;
import dev.carrierhub.carriers.resilience.CallRejectedException;
import dev.carrierhub.carriers.resilience.CallTimeoutException;
import java.time.Duration;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

class CarrierAnswerTest {

    @Test
    void refusalsByTheAccountsOwnLimitsAreToldApartFromTheCarriersAnswers() {
        assertThat(outcome(new CallRejectedException(CallRejectedException.Reason.CIRCUIT_OPEN,
                CarrierErrorKind.UNAVAILABLE, "open", Duration.ofSeconds(3)))).isEqualTo(CarrierAnswer.Outcome.CIRCUIT_OPEN);
        assertThat(outcome(new CallRejectedException(CallRejectedException.Reason.BULKHEAD_FULL,
                CarrierErrorKind.RATE_LIMITED, "full", null))).isEqualTo(CarrierAnswer.Outcome.BULKHEAD_FULL);
        assertThat(outcome(new CallRejectedException(CallRejectedException.Reason.RATE_LIMIT,
                CarrierErrorKind.RATE_LIMITED, "used up", Duration.ofMillis(5)))).isEqualTo(CarrierAnswer.Outcome.THROTTLED);
        assertThat(outcome(new CallTimeoutException("late"))).isEqualTo(CarrierAnswer.Outcome.TIMEOUT);
        assertThat(outcome(new CarrierException(CarrierErrorKind.RATE_LIMITED, "429")))
                .isEqualTo(CarrierAnswer.Outcome.RATE_LIMITED);
        assertThat(CarrierAnswer.failed("x", new CompletionException(new CarrierException(CarrierErrorKind.AUTH_FAILED,
                "401"))).outcome()).isEqualTo(CarrierAnswer.Outcome.AUTH_FAILED);
    }

    @Test
    void anExcludedCarrierWasNotAskedAndAskingAgainWouldNotHelp() {
        CarrierAnswer excluded = CarrierAnswer.excluded("sandbox", "the carrier takes no hazardous goods");

        assertThat(excluded.retryable()).isFalse();
        assertThat(excluded.describe()).isEqualTo("sandbox (excluded: the carrier takes no hazardous goods)");
        assertThat(CarrierAnswer.Outcome.CIRCUIT_OPEN.tag()).isEqualTo("circuit-open");
        assertThat(new CarrierAnswer("x", CarrierAnswer.Outcome.CIRCUIT_OPEN, java.util.List.of(), null).retryable())
                .isTrue();
    }

    private static CarrierAnswer.Outcome outcome(Throwable failure) {
        return CarrierAnswer.failed("sandbox", failure).outcome();
    }
}
