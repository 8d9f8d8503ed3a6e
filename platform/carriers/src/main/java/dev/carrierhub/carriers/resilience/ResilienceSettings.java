package dev.carrierhub.carriers.resilience;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * The limits a {@link ResilientConnector} applies to one carrier account, with their defaults.
 *
 * @param rateLimit     the local rate limit, or empty for none (the default)
 * @param breaker       when the breaker opens and for how long
 * @param maxConcurrent the bulkhead: calls in flight at once (default 64)
 * @param callTimeout   the deadline of each call (default: the account's {@code timeout})
 */
public record ResilienceSettings(Optional<RateLimit> rateLimit, Breaker breaker, int maxConcurrent,
        Duration callTimeout) {
    public static final Duration DEFAULT_RATE_LIMIT_PER = Duration.ofSeconds(1);
    public static final int DEFAULT_FAILURE_THRESHOLD = 5;
    public static final double DEFAULT_FAILURE_RATIO = 0.5;
    public static final int DEFAULT_WINDOW = 20;
    public static final Duration DEFAULT_OPEN_DURATION = Duration.ofSeconds(30);
    public static final int DEFAULT_HALF_OPEN_PROBES = 1;
    public static final int DEFAULT_MAX_CONCURRENT = 64;

    public ResilienceSettings {
        Objects.requireNonNull(rateLimit, "rateLimit");
        Objects.requireNonNull(breaker, "breaker");
        Objects.requireNonNull(callTimeout, "callTimeout");
        if (maxConcurrent < 1) {
            throw new IllegalArgumentException("bulkhead.max-concurrent must be at least 1, was " + maxConcurrent);
        }
        if (callTimeout.isZero() || callTimeout.isNegative()) {
            throw new IllegalArgumentException("call-timeout must be positive, was " + callTimeout);
        }
    }

    /** Every default, with this call timeout. */
    public static ResilienceSettings defaults(Duration callTimeout) {
        return new ResilienceSettings(Optional.empty(), Breaker.DEFAULT, DEFAULT_MAX_CONCURRENT, callTimeout);
    }

    /** The settings of an account: what it configures, the defaults for the rest. */
    public static ResilienceSettings of(ResilienceConfig config, Duration accountTimeout) {
        Optional<RateLimit> rateLimit = config.rateLimitRequests()
                .map(requests -> new RateLimit(requests, config.rateLimitPer().orElse(DEFAULT_RATE_LIMIT_PER)));
        Breaker breaker = new Breaker(
                config.breakerFailureThreshold().orElse(DEFAULT_FAILURE_THRESHOLD),
                config.breakerFailureRatio().orElse(DEFAULT_FAILURE_RATIO),
                config.breakerWindow().orElse(DEFAULT_WINDOW),
                config.breakerOpenDuration().orElse(DEFAULT_OPEN_DURATION),
                config.breakerHalfOpenProbes().orElse(DEFAULT_HALF_OPEN_PROBES));
        return new ResilienceSettings(rateLimit, breaker,
                config.bulkheadMaxConcurrent().orElse(DEFAULT_MAX_CONCURRENT),
                config.callTimeout().orElse(accountTimeout));
    }

    /** {@code requests} calls per {@code per}, e.g. 1,400 per 10 s; the whole allowance may be used at once. */
    public record RateLimit(int requests, Duration per) {
        public RateLimit {
            Objects.requireNonNull(per, "per");
            if (requests < 1 || per.isZero() || per.isNegative()) {
                throw new IllegalArgumentException(
                        "rate-limit needs requests >= 1 and a positive period, was " + requests + " per " + per);
            }
        }
    }

    /** When the breaker opens and how it closes again; see {@link CircuitBreaker}. */
    public record Breaker(int failureThreshold, double failureRatio, int window, Duration openDuration,
            int halfOpenProbes) {
        public static final Breaker DEFAULT = new Breaker(DEFAULT_FAILURE_THRESHOLD, DEFAULT_FAILURE_RATIO,
                DEFAULT_WINDOW, DEFAULT_OPEN_DURATION, DEFAULT_HALF_OPEN_PROBES);

        public Breaker {
            Objects.requireNonNull(openDuration, "openDuration");
            if (failureThreshold < 1 || window < 1 || halfOpenProbes < 1) {
                throw new IllegalArgumentException("breaker.failure-threshold, breaker.window and "
                        + "breaker.half-open-probes must be at least 1");
            }
            if (!(failureRatio > 0 && failureRatio <= 1)) {
                throw new IllegalArgumentException("breaker.failure-ratio must be above 0 and at most 1, was "
                        + failureRatio);
            }
            if (openDuration.isZero() || openDuration.isNegative()) {
                throw new IllegalArgumentException("breaker.open-duration must be positive, was " + openDuration);
            }
        }
    }
}
