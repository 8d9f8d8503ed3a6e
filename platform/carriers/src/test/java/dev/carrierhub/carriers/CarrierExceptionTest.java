package dev.carrierhub.carriers;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;

class CarrierExceptionTest {

    @Test
    void isFoundThroughTheWrappersOfCompletionStages() {
        CarrierException cause = new CarrierException(CarrierErrorKind.RATE_LIMITED, "slow down",
                Duration.ofSeconds(2), null, "too many requests", null);

        assertThat(CarrierException.find(new ExecutionException(new CompletionException(cause)))).containsSame(cause);
        assertThat(CarrierException.find(new IllegalStateException("other"))).isEmpty();
        assertThat(CarrierException.find(null)).isEmpty();
    }

    @Test
    void carriesWhatTheCarrierSaid() {
        CarrierException error = new CarrierException(CarrierErrorKind.INVALID_REQUEST, "refused", null,
                "ship_to.postal_code", "postal code unknown", null);

        assertThat(error.carrierField()).contains("ship_to.postal_code");
        assertThat(error.carrierMessage()).contains("postal code unknown");
        assertThat(error.retryAfter()).isEmpty();
        assertThat(error.kind().retryable()).isFalse();
    }

    @Test
    void onlyPassingFaultsAreRetryable() {
        assertThat(CarrierErrorKind.TRANSIENT.retryable()).isTrue();
        assertThat(CarrierErrorKind.RATE_LIMITED.retryable()).isTrue();
        assertThat(CarrierErrorKind.UNAVAILABLE.retryable()).isTrue();
        assertThat(CarrierErrorKind.INVALID_REQUEST.retryable()).isFalse();
        assertThat(CarrierErrorKind.AUTH_FAILED.retryable()).isFalse();
    }
}
