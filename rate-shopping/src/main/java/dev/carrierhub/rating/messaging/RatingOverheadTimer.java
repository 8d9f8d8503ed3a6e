package dev.carrierhub.rating.messaging;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;

/**
 * Times rate-shopping's own share of handling one {@code shipment.requested} event: the whole handling
 * (reading the event, the rules, ranking, the recording transaction) minus the round of carrier calls.
 * Carriers answer as fast or as slowly as they do; this is the part the service itself answers for.
 */
// Created at start-up, so the timer is scraped (at zero) before the first event instead of appearing later.
@Startup
@ApplicationScoped
public class RatingOverheadTimer {
    static final String NAME = "carrierhub.rating.overhead";

    private final Timer timer;

    public RatingOverheadTimer(MeterRegistry meters) {
        // A histogram, so Prometheus can compute quantiles across replicas; the 20 ms boundary is the
        // service's latency goal, so the share of events within it is read exactly rather than estimated.
        this.timer = Timer.builder(NAME)
                .description("Time spent on one shipment.requested event outside the carrier calls")
                .publishPercentileHistogram()
                .serviceLevelObjectives(Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofMillis(20))
                .minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofSeconds(10))
                .register(meters);
    }

    /** Records {@code handling - carrierTime}; never below zero, as clocks read at two places can disagree. */
    public void record(Duration handling, Duration carrierTime) {
        Duration own = handling.minus(carrierTime);
        timer.record(own.isNegative() ? Duration.ZERO : own);
    }
}
