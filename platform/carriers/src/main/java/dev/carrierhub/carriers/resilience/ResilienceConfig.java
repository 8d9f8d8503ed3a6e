package dev.carrierhub.carriers.resilience;

import io.smallrye.config.WithName;
import java.time.Duration;
import java.util.Optional;

/**
 * The limits of one carrier account, under {@code carrierhub.carriers.accounts.<name>.}; every one is
 * optional, and {@link ResilienceSettings} holds the defaults.
 */
public interface ResilienceConfig {

    /** Calls allowed per {@link #rateLimitPer()}; no local rate limit when absent. */
    @WithName("rate-limit.requests")
    Optional<Integer> rateLimitRequests();

    @WithName("rate-limit.per")
    Optional<Duration> rateLimitPer();

    /** Failures in a row that open the breaker. */
    @WithName("breaker.failure-threshold")
    Optional<Integer> breakerFailureThreshold();

    /** Share of failures among the last {@link #breakerWindow()} calls that opens the breaker. */
    @WithName("breaker.failure-ratio")
    Optional<Double> breakerFailureRatio();

    /** How many of the latest calls the failure ratio is taken over. */
    @WithName("breaker.window")
    Optional<Integer> breakerWindow();

    @WithName("breaker.open-duration")
    Optional<Duration> breakerOpenDuration();

    @WithName("breaker.half-open-probes")
    Optional<Integer> breakerHalfOpenProbes();

    @WithName("bulkhead.max-concurrent")
    Optional<Integer> bulkheadMaxConcurrent();

    /** Deadline of one whole operation (all its HTTP requests); the account's {@code timeout} when absent. */
    @WithName("call-timeout")
    Optional<Duration> callTimeout();
}
