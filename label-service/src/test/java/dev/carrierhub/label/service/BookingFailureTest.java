package dev.carrierhub.label.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.carrierhub.carriers.CarrierErrorKind;
import dev.carrierhub.carriers.CarrierException;
import java.time.Duration;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

class BookingFailureTest {

    @Test
    void transientAndUnavailableCarriersAreRetriedAndEndAsCarrierUnavailable() {
        BookingFailure transientFailure = BookingFailure.classify(
                new CarrierException(CarrierErrorKind.TRANSIENT, "sandbox answered 500 server_error"));
        BookingFailure unavailable = BookingFailure.classify(new CompletionException(
                new CarrierException(CarrierErrorKind.UNAVAILABLE, "sandbox answered 503")));

        assertThat(transientFailure.retryable()).isTrue();
        assertThat(transientFailure.kind()).isEqualTo("transient");
        assertThat(transientFailure.reasonCode()).isEqualTo("carrier-unavailable");
        assertThat(transientFailure.message()).contains("500");
        assertThat(unavailable.retryable()).as("found behind a CompletionException").isTrue();
        assertThat(unavailable.kind()).isEqualTo("unavailable");
    }

    @Test
    void onlyAnUnavailableCarrierIsDownAndOnlyUnclearFailuresMayHaveBooked() {
        BookingFailure down = BookingFailure.classify(new CarrierException(CarrierErrorKind.UNAVAILABLE, "circuit open"));
        BookingFailure serverError = BookingFailure.classify(new CarrierException(CarrierErrorKind.TRANSIENT, "500"));
        BookingFailure timeout = BookingFailure.classify(new io.smallrye.mutiny.TimeoutException());
        BookingFailure throttled = BookingFailure.classify(new CarrierException(CarrierErrorKind.RATE_LIMITED, "429"));
        BookingFailure refused = BookingFailure.classify(new CarrierException(CarrierErrorKind.INVALID_REQUEST, "bad zip"));

        assertThat(down.carrierDown()).isTrue();
        assertThat(serverError.carrierDown()).isFalse();
        assertThat(timeout.carrierDown()).isFalse();
        assertThat(down.mayHaveBooked()).as("the request never reached a working carrier").isFalse();
        assertThat(throttled.mayHaveBooked()).isFalse();
        assertThat(refused.mayHaveBooked()).isFalse();
        assertThat(serverError.mayHaveBooked()).as("a 500 says nothing about what was done").isTrue();
        assertThat(timeout.mayHaveBooked()).isTrue();
        assertThat(BookingFailure.classify(new IllegalStateException("boom")).mayHaveBooked()).isTrue();
    }

    @Test
    void aRateLimitCarriesTheWaitTheCarrierAskedFor() {
        BookingFailure limited = BookingFailure.classify(new CarrierException(CarrierErrorKind.RATE_LIMITED,
                "sandbox answered 429", Duration.ofSeconds(7), null, null, null));

        assertThat(limited.retryable()).isTrue();
        assertThat(limited.kind()).isEqualTo("rate-limited");
        assertThat(limited.retryAfter()).isEqualTo(Duration.ofSeconds(7));
    }

    @Test
    void aRejectedRequestIsPermanentAndKeepsTheCarriersOwnWords() {
        BookingFailure invalid = BookingFailure.classify(new CarrierException(CarrierErrorKind.INVALID_REQUEST,
                "sandbox answered 422 invalid_request: service 'X' is not offered (field service_code)", null,
                "service_code", "service 'X' is not offered for this shipment", null));

        assertThat(invalid.retryable()).isFalse();
        assertThat(invalid.reasonCode()).isEqualTo("invalid-request");
        assertThat(invalid.message()).isEqualTo("service 'X' is not offered for this shipment (field service_code)");
        assertThat(invalid.retryAfter()).isNull();
    }

    @Test
    void refusedCredentialsArePermanent() {
        BookingFailure auth = BookingFailure.classify(
                new CarrierException(CarrierErrorKind.AUTH_FAILED, "sandbox answered 401 unauthorized"));

        assertThat(auth.retryable()).isFalse();
        assertThat(auth.reasonCode()).isEqualTo("auth-failed");
        assertThat(auth.message()).as("without carrier words, the connector's message").isEqualTo(
                "sandbox answered 401 unauthorized");
    }

    @Test
    void noAnswerInTimeIsRetriedBecauseTheBookingMayExist() {
        BookingFailure timeout = BookingFailure.classify(new io.smallrye.mutiny.TimeoutException());

        assertThat(timeout.retryable()).isTrue();
        assertThat(timeout.kind()).isEqualTo("timeout");
    }

    @Test
    void aRequestTheConnectorCannotBuildIsPermanentAnythingElseUnexpectedIsRetried() {
        assertThat(BookingFailure.classify(new IllegalArgumentException("no parcel weight")))
                .extracting(BookingFailure::retryable, BookingFailure::reasonCode, BookingFailure::message)
                .containsExactly(false, "invalid-request", "no parcel weight");
        assertThat(BookingFailure.classify(new IllegalStateException("surprise")))
                .extracting(BookingFailure::retryable, BookingFailure::kind)
                .containsExactly(true, "error");
    }
}
