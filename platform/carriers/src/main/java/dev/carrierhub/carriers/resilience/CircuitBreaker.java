package dev.carrierhub.carriers.resilience;

import java.time.Duration;
import java.util.Objects;
import java.util.function.BiConsumer;
import java.util.function.LongSupplier;

/**
 * A circuit breaker for one carrier account.
 *
 * <ul>
 *   <li><b>Closed</b>: calls go through. It opens after {@code failureThreshold} failures in a row, or when
 *       the last {@code window} calls (once there are that many) failed at {@code failureRatio} or more.</li>
 *   <li><b>Open</b>: calls are refused without reaching the carrier, for {@code openDuration}.</li>
 *   <li><b>Half-open</b>: up to {@code halfOpenProbes} calls are let through as probes; the others are still
 *       refused. When every probe succeeds the breaker closes with a clean slate; one failed probe opens it
 *       again for another {@code openDuration}.</li>
 * </ul>
 *
 * Only what {@link #acquire()} permitted is recorded, and only against the state it was permitted in: a
 * call that started before the breaker opened and answers afterwards does not move it.
 */
public final class CircuitBreaker {

    /** The breaker's state; {@link #code()} is what the state gauge shows. */
    public enum State {
        CLOSED(0), HALF_OPEN(1), OPEN(2);

        private final int code;

        State(int code) {
            this.code = code;
        }

        public int code() {
            return code;
        }
    }

    /** Leave to make one call; hand it back with {@link #onSuccess}, {@link #onFailure} or {@link #onIgnored}. */
    public record Permit(long generation, boolean probe) {
    }

    private final int failureThreshold;
    private final double failureRatio;
    private final long openNanos;
    private final int halfOpenProbes;
    private final LongSupplier nanoClock;
    private final BiConsumer<State, State> onTransition;

    private final boolean[] window;
    private int windowCalls;
    private int windowFailures;
    private int windowNext;
    private int consecutiveFailures;

    private State state = State.CLOSED;
    /** Bumped on every transition, so a permit from an earlier state is recognised and ignored. */
    private long generation;
    private long openedAt;
    private int probesInFlight;
    private int probesSucceeded;

    /**
     * @param onTransition told of every change of state (from, to), while the breaker's lock is held: keep it
     *                     short (a counter, a log line)
     */
    public CircuitBreaker(int failureThreshold, double failureRatio, int window, Duration openDuration,
            int halfOpenProbes, LongSupplier nanoClock, BiConsumer<State, State> onTransition) {
        if (failureThreshold < 1 || window < 1 || halfOpenProbes < 1) {
            throw new IllegalArgumentException("failure threshold, window and half-open probes must be at least 1");
        }
        if (!(failureRatio > 0 && failureRatio <= 1)) {
            throw new IllegalArgumentException("the failure ratio must be above 0 and at most 1, was " + failureRatio);
        }
        if (openDuration.isZero() || openDuration.isNegative()) {
            throw new IllegalArgumentException("the open duration must be positive, was " + openDuration);
        }
        this.failureThreshold = failureThreshold;
        this.failureRatio = failureRatio;
        this.window = new boolean[window];
        this.openNanos = openDuration.toNanos();
        this.halfOpenProbes = halfOpenProbes;
        this.nanoClock = Objects.requireNonNull(nanoClock, "nanoClock");
        this.onTransition = Objects.requireNonNull(onTransition, "onTransition");
    }

    /** The current state; an open breaker whose time is up reads as half-open. */
    public synchronized State state() {
        refresh();
        return state;
    }

    /** Leave to call the carrier, or null when the breaker refuses the call. */
    public synchronized Permit acquire() {
        refresh();
        return switch (state) {
            case CLOSED -> new Permit(generation, false);
            case OPEN -> null;
            case HALF_OPEN -> {
                if (probesInFlight + probesSucceeded >= halfOpenProbes) {
                    yield null;
                }
                probesInFlight++;
                yield new Permit(generation, true);
            }
        };
    }

    /** How long an open breaker still refuses calls; zero when it is not open. */
    public synchronized Duration remainingOpen() {
        refresh();
        return state == State.OPEN ? Duration.ofNanos(openedAt + openNanos - nanoClock.getAsLong()) : Duration.ZERO;
    }

    /** The carrier answered: the call reached it and it is up (whatever the answer said). */
    public synchronized void onSuccess(Permit permit) {
        if (!current(permit)) {
            return;
        }
        if (permit.probe()) {
            probesInFlight--;
            probesSucceeded++;
            if (probesSucceeded >= halfOpenProbes) {
                transition(State.CLOSED);
            }
            return;
        }
        consecutiveFailures = 0;
        record(false);
    }

    /** The carrier failed in a way that suggests it is down or struggling (transient, unavailable, timeout). */
    public synchronized void onFailure(Permit permit) {
        if (!current(permit)) {
            return;
        }
        if (permit.probe()) {
            transition(State.OPEN);
            return;
        }
        consecutiveFailures++;
        record(true);
        boolean tooManyInARow = consecutiveFailures >= failureThreshold;
        boolean tooManyInTheWindow = windowCalls == window.length && windowFailures >= failureRatio * window.length;
        if (tooManyInARow || tooManyInTheWindow) {
            transition(State.OPEN);
        }
    }

    /** The permit was not used, or the outcome says nothing about the carrier's health: a probe slot is freed. */
    public synchronized void onIgnored(Permit permit) {
        if (current(permit) && permit.probe()) {
            probesInFlight--;
        }
    }

    private boolean current(Permit permit) {
        return permit != null && permit.generation() == generation;
    }

    private void record(boolean failed) {
        if (windowCalls == window.length) {
            if (window[windowNext]) {
                windowFailures--;
            }
        } else {
            windowCalls++;
        }
        window[windowNext] = failed;
        if (failed) {
            windowFailures++;
        }
        windowNext = (windowNext + 1) % window.length;
    }

    private void refresh() {
        if (state == State.OPEN && nanoClock.getAsLong() - openedAt >= openNanos) {
            transition(State.HALF_OPEN);
        }
    }

    private void transition(State to) {
        State from = state;
        state = to;
        generation++;
        probesInFlight = 0;
        probesSucceeded = 0;
        if (to == State.OPEN) {
            openedAt = nanoClock.getAsLong();
        }
        if (to == State.CLOSED) {
            consecutiveFailures = 0;
            windowCalls = 0;
            windowFailures = 0;
            windowNext = 0;
        }
        onTransition.accept(from, to);
    }
}
