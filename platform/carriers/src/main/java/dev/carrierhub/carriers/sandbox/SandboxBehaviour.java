package dev.carrierhub.carriers.sandbox;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Random;

/**
 * The sandbox's misbehaviour switches, changeable while it serves: added latency, a hang, a random
 * share of 500s and 429s, and a full outage. Thread-safe; the switches apply to {@code /v1} only, never
 * to {@code /admin}, so a test can always switch them back.
 *
 * <p>Random draws come from one seeded {@link Random}, so a single-threaded run is reproducible.
 */
public final class SandboxBehaviour {
    private static final Duration DEFAULT_RETRY_AFTER = Duration.ofSeconds(1);

    private final long initialSeed;
    private final Object lock = new Object();
    private final List<HeldRequest> held = new ArrayList<>();
    private Random random;
    private Duration latency = Duration.ZERO;
    private double failureRate;
    private double rateLimitRate;
    private Duration retryAfter = DEFAULT_RETRY_AFTER;
    private boolean outage;
    private boolean hanging;

    public SandboxBehaviour(long seed) {
        this.initialSeed = seed;
        this.random = new Random(seed);
    }

    /** Every request waits this long before it is answered. */
    public SandboxBehaviour latency(Duration latency) {
        Objects.requireNonNull(latency, "latency");
        if (latency.isNegative()) {
            throw new IllegalArgumentException("latency must not be negative, was " + latency);
        }
        synchronized (lock) {
            this.latency = latency;
        }
        return this;
    }

    public Duration latency() {
        synchronized (lock) {
            return latency;
        }
    }

    /** The share of requests (0..1) answered with 500. */
    public SandboxBehaviour failureRate(double failureRate) {
        requireShare("failureRate", failureRate);
        synchronized (lock) {
            this.failureRate = failureRate;
        }
        return this;
    }

    public double failureRate() {
        synchronized (lock) {
            return failureRate;
        }
    }

    /** The share of requests (0..1) answered with 429 and a {@code Retry-After} of {@link #retryAfter()}. */
    public SandboxBehaviour rateLimitRate(double rateLimitRate) {
        requireShare("rateLimitRate", rateLimitRate);
        synchronized (lock) {
            this.rateLimitRate = rateLimitRate;
        }
        return this;
    }

    public double rateLimitRate() {
        synchronized (lock) {
            return rateLimitRate;
        }
    }

    /** The wait a 429 asks for; sent in whole seconds, rounded up. */
    public SandboxBehaviour retryAfter(Duration retryAfter) {
        Objects.requireNonNull(retryAfter, "retryAfter");
        if (retryAfter.isNegative()) {
            throw new IllegalArgumentException("retryAfter must not be negative, was " + retryAfter);
        }
        synchronized (lock) {
            this.retryAfter = retryAfter;
        }
        return this;
    }

    public Duration retryAfter() {
        synchronized (lock) {
            return retryAfter;
        }
    }

    /** While on, every {@code /v1} request is answered 503 at once. */
    public SandboxBehaviour outage(boolean outage) {
        synchronized (lock) {
            this.outage = outage;
        }
        return this;
    }

    public boolean outage() {
        synchronized (lock) {
            return outage;
        }
    }

    /**
     * From now on requests are held unanswered until {@link #release()} or the server's maximum hang.
     * A held request is then served as usual, even if its client gave up long ago: that is how a booking
     * can exist that the caller never saw. {@link #discardHeld()} ends a hang the other way.
     */
    public SandboxBehaviour hang() {
        synchronized (lock) {
            hanging = true;
        }
        return this;
    }

    /** Ends a hang and serves every request it held. */
    public SandboxBehaviour release() {
        takeHeld().forEach(request -> request.resume().run());
        return this;
    }

    /**
     * Ends a hang without serving the requests it held: each is closed unanswered, and the carrier never acts on
     * it, as if it had been lost on its way in. Its client sees what it sees when only the answer is lost: none.
     */
    public SandboxBehaviour discardHeld() {
        takeHeld().forEach(request -> request.discard().run());
        return this;
    }

    /** The requests a hang holds right now, as {@code "METHOD /path"}, oldest first. */
    public List<String> heldRequests() {
        synchronized (lock) {
            return held.stream().map(HeldRequest::description).toList();
        }
    }

    private List<HeldRequest> takeHeld() {
        synchronized (lock) {
            hanging = false;
            List<HeldRequest> taken = List.copyOf(held);
            held.clear();
            return taken;
        }
    }

    public boolean hanging() {
        synchronized (lock) {
            return hanging;
        }
    }

    /** Restarts the random draws from {@code seed}. */
    public SandboxBehaviour seed(long seed) {
        synchronized (lock) {
            random = new Random(seed);
        }
        return this;
    }

    /** Back to a well-behaved carrier: no latency, no failures, no outage, held requests released. */
    public SandboxBehaviour reset() {
        synchronized (lock) {
            latency = Duration.ZERO;
            failureRate = 0;
            rateLimitRate = 0;
            retryAfter = DEFAULT_RETRY_AFTER;
            outage = false;
            random = new Random(initialSeed);
        }
        return release();
    }

    /** Whether this request draws a 500. */
    boolean drawFailure() {
        synchronized (lock) {
            return draw(failureRate);
        }
    }

    /** Whether this request draws a 429. */
    boolean drawRateLimit() {
        synchronized (lock) {
            return draw(rateLimitRate);
        }
    }

    /**
     * Holds a request if a hang is on: {@code resume} serves it on {@link #release()}, {@code discard} drops it
     * on {@link #discardHeld()}. False means the caller proceeds itself.
     */
    boolean hold(String description, Runnable resume, Runnable discard) {
        synchronized (lock) {
            if (hanging) {
                held.add(new HeldRequest(description, resume, discard));
            }
            return hanging;
        }
    }

    /** Forgets held requests without serving them (the server is closing). */
    void dropHeld() {
        synchronized (lock) {
            held.clear();
        }
    }

    private boolean draw(double rate) {
        // A rate of 0 draws nothing, so switching one failure mode on does not shift the other's sequence.
        return rate > 0 && random.nextDouble() < rate;
    }

    private static void requireShare(String name, double value) {
        if (!(value >= 0 && value <= 1)) {
            throw new IllegalArgumentException(name + " must be within 0..1, was " + value);
        }
    }

    private record HeldRequest(String description, Runnable resume, Runnable discard) {
    }
}
