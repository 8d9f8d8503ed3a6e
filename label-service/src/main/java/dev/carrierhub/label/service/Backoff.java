package dev.carrierhub.label.service;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;

/**
 * How long to wait before the next carrier call: exponential from the first retry up to a cap, with
 * jitter, and never shorter than what a carrier asked for with {@code Retry-After}.
 */
public final class Backoff {
    private final Duration first;
    private final Duration max;
    private final DoubleSupplier random;

    public Backoff(Duration first, Duration max) {
        this(first, max, () -> ThreadLocalRandom.current().nextDouble());
    }

    /** @param random values in [0, 1), the share of the jittered half that is waited */
    Backoff(Duration first, Duration max, DoubleSupplier random) {
        if (first.isNegative() || first.isZero() || max.compareTo(first) < 0) {
            throw new IllegalArgumentException("back-off needs 0 < first-retry <= max-retry, was " + first + " and " + max);
        }
        this.first = first;
        this.max = max;
        this.random = random;
    }

    /**
     * The wait after {@code failedAttempts} failed calls (1 after the first).
     *
     * @param retryAfter what the carrier asked for, or null; honoured even above the cap, since calling
     *                   sooner would only be throttled again
     */
    public Duration after(int failedAttempts, Duration retryAfter) {
        long ceiling = ceiling(failedAttempts).toMillis();
        // Equal jitter: half the wait is fixed and half random, so bookings that failed together do not all
        // return at the same instant, and none returns sooner than half its back-off.
        long half = ceiling / 2;
        Duration wait = Duration.ofMillis(half + (long) (random.getAsDouble() * (ceiling - half)));
        return retryAfter != null && retryAfter.compareTo(wait) > 0 ? retryAfter : wait;
    }

    /** The back-off before jitter: first × 2^(failedAttempts − 1), at most the cap. */
    Duration ceiling(int failedAttempts) {
        int doublings = Math.max(0, Math.min(failedAttempts - 1, 30));
        Duration exponential = first.multipliedBy(1L << doublings);
        return exponential.compareTo(max) > 0 ? max : exponential;
    }
}
