package dev.carrierhub.core.ratelimit;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * A token bucket: up to {@code burst} takes at once, refilled continuously at {@code perSecond}.
 * Thread-safe and never blocks, so it can be used on an event loop. It limits one process: N replicas
 * each keep their own bucket, which together allow N times the rate.
 */
public final class TokenBucket {
    private static final double NANOS_PER_SECOND = 1_000_000_000d;

    private final double tokensPerNano;
    private final double capacity;
    private final LongSupplier nanoClock;
    private double tokens;
    private long refilledAt;

    public TokenBucket(double perSecond, int burst) {
        this(perSecond, burst, System::nanoTime);
    }

    /** With a clock in nanoseconds (as {@link System#nanoTime()}), for tests. */
    public TokenBucket(double perSecond, int burst, LongSupplier nanoClock) {
        if (!(perSecond > 0) || Double.isInfinite(perSecond)) {
            throw new IllegalArgumentException("the rate must be a positive number of tokens per second: " + perSecond);
        }
        if (burst < 1) {
            throw new IllegalArgumentException("the burst must be at least 1: " + burst);
        }
        this.tokensPerNano = perSecond / NANOS_PER_SECOND;
        this.capacity = burst;
        this.nanoClock = nanoClock;
        this.tokens = burst;
        this.refilledAt = nanoClock.getAsLong();
    }

    /** Takes one token if one is there; otherwise takes nothing and says when the next one will be. */
    public synchronized Take tryTake() {
        refill();
        if (tokens >= 1) {
            tokens -= 1;
            return Take.GRANTED;
        }
        long nanos = (long) Math.ceil((1 - tokens) / tokensPerNano);
        return new Take(false, Duration.ofNanos(Math.max(1, nanos)));
    }

    private void refill() {
        long now = nanoClock.getAsLong();
        long elapsed = now - refilledAt;
        if (elapsed > 0) {
            tokens = Math.min(capacity, tokens + elapsed * tokensPerNano);
            refilledAt = now;
        }
    }

    /** The outcome of {@link #tryTake()}: granted, or refused with the wait until a token is there. */
    public record Take(boolean granted, Duration retryAfter) {
        static final Take GRANTED = new Take(true, Duration.ZERO);

        /** The wait as HTTP's Retry-After wants it: whole seconds, rounded up, at least 1. */
        public long retryAfterSeconds() {
            long seconds = retryAfter.toSeconds() + (retryAfter.toNanosPart() > 0 ? 1 : 0);
            return Math.max(1, seconds);
        }
    }
}
