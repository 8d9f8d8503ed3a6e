package dev.carrierhub.label.service;

import dev.carrierhub.label.repository.Booking;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * label-service's business meters (README, "Metrics"): carrier attempts, final outcomes, fallbacks,
 * deferrals, voids, the time from rating to label, and how many bookings are in each state.
 */
@ApplicationScoped
public class LabelMetrics {
    private final MeterRegistry meters;
    private final Map<Booking.State, AtomicLong> inState = new EnumMap<>(Booking.State.class);

    public LabelMetrics(MeterRegistry meters) {
        this.meters = meters;
        for (Booking.State state : Booking.State.values()) {
            AtomicLong count = new AtomicLong();
            inState.put(state, count);
            Gauge.builder("carrierhub.label.bookings.in.state", count, AtomicLong::get)
                    .tag("state", state.name().toLowerCase(Locale.ROOT))
                    .description("bookings in this state, as of the last count")
                    .register(meters);
        }
    }

    /** One carrier call and how it ended. */
    public void attempt(String carrier, String outcome) {
        meters.counter("carrierhub.label.attempts", "carrier", carrier, "outcome", outcome).increment();
    }

    /**
     * A booking that ended BOOKED, {@code ratedToLabel} after its shipment was rated and
     * {@code requestedToLabel} (null when unknown) after it was requested.
     */
    public void booked(String carrier, Duration ratedToLabel, Duration requestedToLabel) {
        meters.counter("carrierhub.label.bookings", "carrier", carrier, "outcome", "booked").increment();
        meters.timer("carrierhub.label.rated.to.labeled", "carrier", carrier).record(ratedToLabel);
        if (requestedToLabel != null) {
            meters.timer("carrierhub.label.requested.to.labeled", "carrier", carrier).record(requestedToLabel);
        }
    }

    /** A booking that ended FAILED. */
    public void failed(String carrier) {
        meters.counter("carrierhub.label.bookings", "carrier", carrier, "outcome", "failed").increment();
    }

    public void fallback(String from, String to) {
        meters.counter("carrierhub.label.fallbacks", "from", from, "to", to).increment();
    }

    public void deferred(String carrier) {
        meters.counter("carrierhub.label.deferrals", "carrier", carrier).increment();
    }

    /** A void (or a cancellation) that ended: {@code voided}, {@code cancelled}, {@code refused} or {@code failed}. */
    public void voidEnded(String carrier, String outcome) {
        meters.counter("carrierhub.label.voids", "carrier", carrier, "outcome", outcome).increment();
    }

    /** The latest count of bookings per state; states without bookings count zero. */
    public void inState(Map<Booking.State, Long> counts) {
        inState.forEach((state, gauge) -> gauge.set(counts.getOrDefault(state, 0L)));
    }
}
