package dev.carrierhub.carriers.resilience;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * A token bucket for one carrier account: at most {@code requests} calls at once, refilled continuously at
 * {@code requests} per {@code per}. Thread-safe and non-blocking.
 *
 * <p>The same idea as {@code dev.carrierhub.core.ratelimit.TokenBucket} in service-core, kept separate on
 * purpose: service-core brings Quarkus, and this library must stay usable without it.
 */
public final class TokenBucket {
    private final double capacity;
    private final double tokensPerNano;
    private final LongSupplier nanoClock;
    private double tokens;
    private long refilledAt;

    public TokenBucket(int requests, Duration per, LongSupplier nanoClock) {
        if (requests < 1) {
            throw new IllegalArgumentException("a rate limit allows at least 1 request, was " + requests);
        }
        if (per == null || per.isZero() || per.isNegative()) {
            throw new IllegalArgumentException("a rate limit's period must be positive, was " + per);
        }
        this.capacity = requests;
        this.tokensPerNano = requests / (double) per.toNanos();
        this.nanoClock = nanoClock;
        this.tokens = requests;
        this.refilledAt = nanoClock.getAsLong();
    }

    /** Takes a token when there is one; otherwise takes nothing and says how long until the next one. */
    public synchronized Take tryTake() {
        long now = nanoClock.getAsLong();
        long elapsed = now - refilledAt;
        if (elapsed > 0) {
            tokens = Math.min(capacity, tokens + elapsed * tokensPerNano);
            refilledAt = now;
        }
        if (tokens >= 1) {
            tokens -= 1;
            return Take.GRANTED;
        }
        return new Take(false, Duration.ofNanos(Math.max(1, (long) Math.ceil((1 - tokens) / tokensPerNano))));
    }

    /** The outcome of {@link #tryTake()}: granted, or refused with the wait until a token is there. */
    public record Take(boolean granted, Duration retryAfter) {
        static final Take GRANTED = new Take(true, Duration.ZERO);
    }
}
