package dev.carrierhub.carriers.resilience;

import static java.util.concurrent.CompletableFuture.completedFuture;
import static java.util.concurrent.CompletableFuture.failedFuture;
import static org.assertj.core.api.Assertions.assertThat;

import dev.carrierhub.carriers.CarrierErrorKind;
import dev.carrierhub.carriers.CarrierException;
import dev.carrierhub.carriers.RateResult;
import dev.carrierhub.contracts.shipment.Shipment;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.Test;

class ResilientConnectorTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(2);
    private static final Shipment SHIPMENT = ResilienceConfigStub.shipment();

    private final ManualClock clock = new ManualClock();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final TestConnector carrier = new TestConnector();

    private ResilientConnector resilient(ResilienceSettings settings) {
        return new ResilientConnector("main", carrier, settings, meters, clock);
    }

    private static ResilienceSettings settings(Optional<ResilienceSettings.RateLimit> rateLimit,
            ResilienceSettings.Breaker breaker, int maxConcurrent) {
        return new ResilienceSettings(rateLimit, breaker, maxConcurrent, TIMEOUT);
    }

    private static ResilienceSettings.Breaker breaker(int threshold, Duration open) {
        return new ResilienceSettings.Breaker(threshold, 1.0, 100, open, 1);
    }

    @Test
    void anAnswerPassesThroughAndIsCountedByCarrierAccountOperationAndOutcome() {
        ResilientConnector connector = resilient(ResilienceSettings.defaults(TIMEOUT));
        carrier.answerNext(completedFuture(TestConnector.NO_QUOTES));

        assertThat(connector.rate(SHIPMENT).toCompletableFuture().join()).isEqualTo(TestConnector.NO_QUOTES);

        assertThat(connector.carrier()).isEqualTo("test");
        assertThat(connector.capabilities()).isEqualTo(carrier.capabilities());
        assertThat(calls("rate", "success").count()).isEqualTo(1);
        assertThat(clock.pending()).as("the timeout of an answered call is cancelled").isZero();
    }

    @Test
    void theRateLimitRefusesWithoutReachingTheCarrierAndSaysWhenToComeBack() {
        ResilientConnector connector = resilient(settings(
                Optional.of(new ResilienceSettings.RateLimit(2, Duration.ofSeconds(1))), ResilienceSettings.Breaker.DEFAULT, 10));
        carrier.answerNext(completedFuture(Optional.empty())).answerNext(completedFuture(Optional.empty()))
                .answerNext(completedFuture(Optional.empty()));

        connector.findBooking("k1").toCompletableFuture().join();
        connector.findBooking("k2").toCompletableFuture().join();
        CarrierException refused = failure(connector.findBooking("k3"));

        assertThat(carrier.calls).isEqualTo(2);
        assertThat(refused).isInstanceOf(CallRejectedException.class);
        assertThat(((CallRejectedException) refused).reason()).isEqualTo(CallRejectedException.Reason.RATE_LIMIT);
        assertThat(refused.kind()).isEqualTo(CarrierErrorKind.RATE_LIMITED);
        assertThat(refused.retryAfter()).contains(Duration.ofMillis(500));
        assertThat(counter(ResilienceMetrics.RATE_LIMIT_REJECTIONS, "find-booking")).isEqualTo(1);
        assertThat(calls("find-booking", "rate-limit").count()).isEqualTo(1);

        clock.advance(Duration.ofMillis(500));
        assertThat(connector.findBooking("k3").toCompletableFuture().join()).isEmpty();
        assertThat(carrier.calls).isEqualTo(3);
    }

    @Test
    void aFullBulkheadRefusesAtOnceAndAnAnswerFreesAPlace() {
        ResilientConnector connector = resilient(settings(Optional.empty(), ResilienceSettings.Breaker.DEFAULT, 2));
        CompletionStage<RateResult> first = connector.rate(SHIPMENT);
        connector.rate(SHIPMENT);

        CarrierException refused = failure(connector.rate(SHIPMENT));

        assertThat(carrier.calls).isEqualTo(2);
        assertThat(((CallRejectedException) refused).reason()).isEqualTo(CallRejectedException.Reason.BULKHEAD_FULL);
        assertThat(refused.kind()).isEqualTo(CarrierErrorKind.RATE_LIMITED);
        assertThat(refused.retryAfter()).isEmpty();
        assertThat(counter(ResilienceMetrics.BULKHEAD_REJECTIONS, "rate")).isEqualTo(1);
        assertThat(gauge(ResilienceMetrics.BULKHEAD_IN_FLIGHT)).isEqualTo(2);

        carrier.pending.poll().complete(TestConnector.NO_QUOTES);
        assertThat(first.toCompletableFuture().join()).isEqualTo(TestConnector.NO_QUOTES);
        connector.rate(SHIPMENT);
        assertThat(carrier.calls).isEqualTo(3);
    }

    @Test
    void aCallWithoutAnAnswerTimesOutAsTransientButKeepsItsBulkheadPlaceUntilTheCarrierAnswers() {
        ResilientConnector connector = resilient(settings(Optional.empty(), ResilienceSettings.Breaker.DEFAULT, 1));
        CompletionStage<Void> call = connector.registerTracker("T1", java.net.URI.create("https://example.test/cb"));

        clock.advance(TIMEOUT.minusMillis(1));
        assertThat(call.toCompletableFuture()).isNotDone();
        clock.advance(Duration.ofMillis(1));

        CarrierException timedOut = failure(call);
        assertThat(timedOut).isInstanceOf(CallTimeoutException.class).hasMessageContaining("register-tracker")
                .hasMessageContaining("PT2S");
        assertThat(timedOut.kind()).isEqualTo(CarrierErrorKind.TRANSIENT);
        assertThat(counter(ResilienceMetrics.TIMEOUTS, "register-tracker")).isEqualTo(1);
        assertThat(calls("register-tracker", "timeout").count()).isEqualTo(1);
        assertThat(calls("register-tracker", "timeout").totalTime(java.util.concurrent.TimeUnit.MILLISECONDS))
                .isEqualTo(2000);
        assertThat(((CallRejectedException) failure(connector.track("T1"))).reason())
                .as("the request is still open against the carrier").isEqualTo(CallRejectedException.Reason.BULKHEAD_FULL);

        carrier.pending.poll().complete(null);
        assertThat(gauge(ResilienceMetrics.BULKHEAD_IN_FLIGHT)).isZero();
        assertThat(failure(call)).as("a late answer changes nothing").isSameAs(timedOut);
        assertThat(calls("register-tracker", "success")).as("nor is it counted twice").isNull();
    }

    @Test
    void transientUnavailableAndTimeoutsOpenTheBreakerWhichRefusesAsUnavailableThenProbesAndCloses() {
        ResilientConnector connector = resilient(settings(Optional.empty(), breaker(3, Duration.ofSeconds(30)), 10));
        carrier.answerNext(failedFuture(new CarrierException(CarrierErrorKind.TRANSIENT, "500")))
                .answerNext(failedFuture(new CarrierException(CarrierErrorKind.UNAVAILABLE, "503")));
        failure(connector.rate(SHIPMENT));
        failure(connector.rate(SHIPMENT));
        CompletionStage<RateResult> hanging = connector.rate(SHIPMENT);
        assertThat(connector.breakerState()).isEqualTo(CircuitBreaker.State.CLOSED);
        clock.advance(TIMEOUT);
        failure(hanging);

        assertThat(connector.breakerState()).isEqualTo(CircuitBreaker.State.OPEN);
        assertThat(gauge(ResilienceMetrics.BREAKER_STATE)).isEqualTo(2);
        CarrierException refused = failure(connector.rate(SHIPMENT));
        assertThat(((CallRejectedException) refused).reason()).isEqualTo(CallRejectedException.Reason.CIRCUIT_OPEN);
        assertThat(refused.kind()).isEqualTo(CarrierErrorKind.UNAVAILABLE);
        assertThat(refused.retryAfter()).contains(Duration.ofSeconds(30));
        assertThat(refused).hasMessageContaining("test (account main): circuit open");
        assertThat(carrier.calls).isEqualTo(3);
        assertThat(counter(ResilienceMetrics.BREAKER_REJECTIONS, "rate")).isEqualTo(1);

        clock.advance(Duration.ofSeconds(30));
        assertThat(gauge(ResilienceMetrics.BREAKER_STATE)).isEqualTo(1);
        CompletionStage<RateResult> probe = connector.rate(SHIPMENT);
        assertThat(((CallRejectedException) failure(connector.rate(SHIPMENT))).reason())
                .as("one probe at a time").isEqualTo(CallRejectedException.Reason.CIRCUIT_OPEN);
        carrier.pending.getLast().complete(TestConnector.NO_QUOTES);
        probe.toCompletableFuture().join();

        assertThat(connector.breakerState()).isEqualTo(CircuitBreaker.State.CLOSED);
        assertThat(gauge(ResilienceMetrics.BREAKER_STATE)).isZero();
        assertThat(transitions("closed", "open")).isEqualTo(1);
        assertThat(transitions("open", "half-open")).isEqualTo(1);
        assertThat(transitions("half-open", "closed")).isEqualTo(1);
    }

    @Test
    void answersThatProveTheCarrierIsUpNeverOpenTheBreaker() {
        ResilientConnector connector = resilient(settings(Optional.empty(), breaker(2, Duration.ofSeconds(30)), 10));
        for (CarrierErrorKind kind : new CarrierErrorKind[] {CarrierErrorKind.INVALID_REQUEST,
                CarrierErrorKind.INVALID_REQUEST, CarrierErrorKind.AUTH_FAILED, CarrierErrorKind.RATE_LIMITED,
                CarrierErrorKind.INVALID_REQUEST}) {
            carrier.answerNext(failedFuture(new CarrierException(kind, kind.name())));
            assertThat(failure(connector.ship(SHIPMENT, "S", "k")).kind()).isEqualTo(kind);
        }

        assertThat(connector.breakerState()).isEqualTo(CircuitBreaker.State.CLOSED);
        assertThat(calls("ship", "invalid-request").count()).isEqualTo(3);
        assertThat(calls("ship", "auth-failed").count()).isEqualTo(1);
        assertThat(calls("ship", "rate-limited").count()).isEqualTo(1);
    }

    @Test
    void anInvalidRequestBetweenFailuresShowsTheCarrierIsUpAndStartsTheCountAgain() {
        ResilientConnector connector = resilient(settings(Optional.empty(), breaker(2, Duration.ofSeconds(30)), 10));
        carrier.answerNext(failedFuture(new CarrierException(CarrierErrorKind.TRANSIENT, "500")))
                .answerNext(failedFuture(new CarrierException(CarrierErrorKind.INVALID_REQUEST, "422")))
                .answerNext(failedFuture(new CarrierException(CarrierErrorKind.TRANSIENT, "500")));

        for (int i = 0; i < 3; i++) {
            failure(connector.voidLabel("x"));
        }

        assertThat(connector.breakerState()).isEqualTo(CircuitBreaker.State.CLOSED);
    }

    @Test
    void aConnectorThatThrowsGivesAFailedStageAndSaysNothingAboutTheCarriersHealth() {
        ResilientConnector connector = new ResilientConnector("main", new TestConnector() {
            @Override
            public CompletionStage<RateResult> rate(Shipment shipment) {
                throw new IllegalStateException("bug in a mapper");
            }
        }, settings(Optional.empty(), breaker(1, Duration.ofSeconds(30)), 1), meters, clock);

        CompletableFuture<RateResult> answer = connector.rate(SHIPMENT).toCompletableFuture();

        assertThat(answer).isCompletedExceptionally();
        assertThat(answer.handle((value, failure) -> failure).join()).isInstanceOf(IllegalStateException.class);
        assertThat(connector.breakerState()).isEqualTo(CircuitBreaker.State.CLOSED);
        assertThat(gauge(ResilienceMetrics.BULKHEAD_IN_FLIGHT)).isZero();
        assertThat(calls("rate", "error").count()).isEqualTo(1);
    }

    @Test
    void refusalsByTheLimitsDoNotCountAgainstTheCarrier() {
        ResilientConnector connector = resilient(settings(
                Optional.of(new ResilienceSettings.RateLimit(1, Duration.ofMinutes(1))), breaker(1, Duration.ofSeconds(30)), 10));
        carrier.answerNext(completedFuture(TestConnector.NO_QUOTES));
        connector.rate(SHIPMENT).toCompletableFuture().join();

        for (int i = 0; i < 5; i++) {
            failure(connector.rate(SHIPMENT));
        }

        assertThat(connector.breakerState()).isEqualTo(CircuitBreaker.State.CLOSED);
        assertThat(counter(ResilienceMetrics.RATE_LIMIT_REJECTIONS, "rate")).isEqualTo(5);
    }

    @Test
    void aWrongSettingFailsNamingTheAccount() {
        ResilienceConfig config = new ResilienceConfigStub() {
            @Override
            public Optional<Integer> bulkheadMaxConcurrent() {
                return Optional.of(0);
            }
        };

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ResilientConnector.forAccount("dhl-eu", carrier,
                        config, TIMEOUT, meters))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("carrier account dhl-eu").hasMessageContaining("bulkhead.max-concurrent");
    }

    private Timer calls(String operation, String outcome) {
        return meters.find(ResilienceMetrics.CALLS)
                .tags("carrier", "test", "account", "main", "operation", operation, "outcome", outcome).timer();
    }

    private double counter(String name, String operation) {
        Counter counter = meters.find(name).tags("carrier", "test", "account", "main", "operation", operation).counter();
        return counter == null ? 0 : counter.count();
    }

    private double transitions(String from, String to) {
        Counter counter = meters.find(ResilienceMetrics.BREAKER_TRANSITIONS)
                .tags("carrier", "test", "account", "main", "from", from, "to", to).counter();
        return counter == null ? 0 : counter.count();
    }

    private double gauge(String name) {
        Gauge gauge = meters.find(name).tags("carrier", "test", "account", "main").gauge();
        return gauge.value();
    }

    private static CarrierException failure(CompletionStage<?> stage) {
        Throwable failure = stage.toCompletableFuture().handle((value, thrown) -> thrown).join();
        assertThat(failure).as("the call failed").isNotNull();
        return CarrierException.find(failure).orElseThrow(() -> new AssertionError("not a carrier failure", failure));
    }
}
