package dev.carrierhub.core.deadletter;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Dead letters received and replayed per source topic, and how many wait for a replay. The waiting count
 * moves with this replica's own work and is set from the table by {@link DeadLetters#countNotReplayed()},
 * which sees every replica's.
 */
@ApplicationScoped
public class DeadLetterMetrics {
    private final MeterRegistry meters;
    private final AtomicLong notReplayed = new AtomicLong();

    public DeadLetterMetrics(MeterRegistry meters) {
        this.meters = meters;
        Gauge.builder("carrierhub.deadletters.pending", notReplayed, AtomicLong::get)
                .description("dead letters never replayed, as of the last count")
                .register(meters);
    }

    /** A dead letter stored for the first time. */
    void received(String topic) {
        meters.counter("carrierhub.deadletters.received", "topic", tag(topic)).increment();
        notReplayed.incrementAndGet();
    }

    /** A replay sent; {@code first} when the dead letter had never been replayed. */
    void replayed(String topic, boolean first) {
        meters.counter("carrierhub.deadletters.replayed", "topic", tag(topic)).increment();
        if (first) {
            notReplayed.updateAndGet(n -> Math.max(0, n - 1));
        }
    }

    void notReplayed(long count) {
        notReplayed.set(count);
    }

    private static String tag(String topic) {
        return topic == null ? "unknown" : topic;
    }
}
