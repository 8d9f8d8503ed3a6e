package dev.carrierhub.carriers.resilience;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * At most {@code maxConcurrent} calls in flight to one carrier account; one more is refused at once rather
 * than queued, so a slow carrier cannot take every connection and thread of the service with it.
 */
public final class Bulkhead {
    private final int maxConcurrent;
    private final AtomicInteger inFlight = new AtomicInteger();

    public Bulkhead(int maxConcurrent) {
        if (maxConcurrent < 1) {
            throw new IllegalArgumentException("a bulkhead lets at least 1 call through, was " + maxConcurrent);
        }
        this.maxConcurrent = maxConcurrent;
    }

    /** Takes a place if one is free. */
    public boolean tryEnter() {
        while (true) {
            int now = inFlight.get();
            if (now >= maxConcurrent) {
                return false;
            }
            if (inFlight.compareAndSet(now, now + 1)) {
                return true;
            }
        }
    }

    /** Gives back a place taken by {@link #tryEnter()}. */
    public void leave() {
        inFlight.decrementAndGet();
    }

    public int inFlight() {
        return inFlight.get();
    }

    public int maxConcurrent() {
        return maxConcurrent;
    }
}
