package dev.carrierhub.carriers.resilience;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;

/** The meters of one carrier account's limits, all tagged {@code carrier} and {@code account}. */
final class ResilienceMetrics {
    static final String CALLS = "carrierhub.carrier.calls";
    static final String TIMEOUTS = "carrierhub.carrier.timeouts";
    static final String RATE_LIMIT_REJECTIONS = "carrierhub.carrier.rate-limit.rejections";
    static final String BULKHEAD_REJECTIONS = "carrierhub.carrier.bulkhead.rejections";
    static final String BULKHEAD_IN_FLIGHT = "carrierhub.carrier.bulkhead.in-flight";
    static final String BREAKER_REJECTIONS = "carrierhub.carrier.breaker.rejections";
    static final String BREAKER_STATE = "carrierhub.carrier.breaker.state";
    static final String BREAKER_TRANSITIONS = "carrierhub.carrier.breaker.transitions";

    private final MeterRegistry registry;
    private final Tags tags;

    ResilienceMetrics(MeterRegistry registry, String carrier, String account) {
        this.registry = registry;
        this.tags = Tags.of("carrier", carrier, "account", account);
    }

    void gauges(CircuitBreaker breaker, Bulkhead bulkhead) {
        Gauge.builder(BREAKER_STATE, breaker, b -> b.state().code()).tags(tags).strongReference(true)
                .description("0 closed, 1 half-open, 2 open").register(registry);
        Gauge.builder(BULKHEAD_IN_FLIGHT, bulkhead, Bulkhead::inFlight).tags(tags).strongReference(true)
                .description("calls in flight to the carrier account").register(registry);
    }

    void call(String operation, String outcome, Duration took) {
        Timer.builder(CALLS).tags(tags).tag("operation", operation).tag("outcome", outcome)
                .register(registry).record(took);
    }

    void timeout(String operation) {
        Counter.builder(TIMEOUTS).tags(tags).tag("operation", operation).register(registry).increment();
    }

    void rejected(CallRejectedException.Reason reason, String operation) {
        String name = switch (reason) {
            case CIRCUIT_OPEN -> BREAKER_REJECTIONS;
            case BULKHEAD_FULL -> BULKHEAD_REJECTIONS;
            case RATE_LIMIT -> RATE_LIMIT_REJECTIONS;
        };
        Counter.builder(name).tags(tags).tag("operation", operation).register(registry).increment();
    }

    void transition(CircuitBreaker.State from, CircuitBreaker.State to) {
        Counter.builder(BREAKER_TRANSITIONS).tags(tags).tag("from", tag(from)).tag("to", tag(to))
                .register(registry).increment();
    }

    static String tag(CircuitBreaker.State state) {
        return state.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
