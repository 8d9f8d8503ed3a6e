package dev.carrierhub.tracking.polling;

import dev.carrierhub.contracts.events.Milestone;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.function.DoubleSupplier;

/**
 * When a polled tracker is looked up next: a first delay after the label, a steady interval while the carrier
 * answers, and exponential back-off with jitter (never shorter than the carrier's Retry-After) while it fails.
 * Polling ends at a final milestone or at the maximum age. Pure: time and randomness come in as arguments.
 */
public final class PollSchedule {
    /** Milestones after which the carrier has nothing more to tell. */
    public static final Set<Milestone> FINAL =
            EnumSet.of(Milestone.DELIVERED, Milestone.RETURNED_TO_SENDER, Milestone.CANCELLED);

    private final Duration interval;
    private final Duration maxInterval;
    private final Duration firstDelay;
    private final Duration maxAge;
    private final DoubleSupplier random;

    /** @param random uniform draws in [0, 1) for the jitter */
    public PollSchedule(Duration interval, Duration maxInterval, Duration firstDelay, Duration maxAge,
            DoubleSupplier random) {
        if (interval.isZero() || interval.isNegative() || maxInterval.compareTo(interval) < 0) {
            throw new IllegalArgumentException("polling needs 0 < interval <= max-interval, was " + interval + " and "
                    + maxInterval);
        }
        this.interval = interval;
        this.maxInterval = maxInterval;
        this.firstDelay = firstDelay;
        this.maxAge = maxAge;
        this.random = random;
    }

    /** The first look-up: {@code first-delay} after the label, and not in the past. */
    public Instant first(Instant labeledAt, Instant now) {
        Instant first = labeledAt.plus(firstDelay);
        return first.isAfter(now) ? first : now;
    }

    /** After an answered look-up; empty when the milestone is final and polling stops. */
    public Optional<Instant> afterAnswer(Milestone milestone, Instant now) {
        return FINAL.contains(milestone) ? Optional.empty() : Optional.of(now.plus(interval));
    }

    /**
     * After the {@code failures}-th failed or rate-limited look-up in a row: {@code interval × 2^(failures-1)},
     * capped at {@code max-interval}, of which a random half is taken off so that trackers failing together
     * spread out; then at least what the carrier asked for.
     */
    public Duration backoff(int failures, Optional<Duration> retryAfter) {
        long shift = Math.min(Math.max(failures, 1) - 1, 30);
        Duration ceiling = interval.toNanos() > maxInterval.toNanos() >> shift
                ? maxInterval : interval.multipliedBy(1L << shift);
        long half = ceiling.toNanos() / 2;
        Duration jittered = Duration.ofNanos(half + (long) (random.getAsDouble() * half));
        Duration asked = retryAfter.orElse(Duration.ZERO);
        return asked.compareTo(jittered) > 0 ? asked : jittered;
    }

    /** Whether the shipment is too old to poll any longer. */
    public boolean expired(Instant labeledAt, Instant now) {
        return !now.isBefore(labeledAt.plus(maxAge));
    }
}
