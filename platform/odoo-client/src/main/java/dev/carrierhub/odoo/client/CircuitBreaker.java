package dev.carrierhub.odoo.client;

import java.time.Duration;
import java.util.function.LongSupplier;
import org.jboss.logging.Logger;

/**
 * One connection's circuit: opens after {@code failureThreshold} consecutive transient failures, rejects calls
 * for {@code openDelay}, then lets a single trial call through (half-open) whose outcome closes or re-opens it.
 * Only failures that say "Odoo is unreachable or overloaded" count; an Odoo error answer proves it is up.
 */
final class CircuitBreaker {
    private static final Logger LOG = Logger.getLogger(CircuitBreaker.class);
    private final int failureThreshold;
    private final long openDelayNanos;
    private final LongSupplier nanoClock;
    private final String label;
    private OdooCircuitState state = OdooCircuitState.CLOSED;
    private int consecutiveFailures;
    private long openedAt;
    private boolean trialInFlight;

    CircuitBreaker(int failureThreshold, Duration openDelay, LongSupplier nanoClock, String label) {
        this.failureThreshold = failureThreshold;
        this.openDelayNanos = openDelay.toNanos();
        this.nanoClock = nanoClock;
        this.label = label;
    }

    /** Whether a call may go out now; a true in the half-open state is the one trial call. */
    synchronized boolean tryAcquire() {
        switch (state) {
            case CLOSED:
                return true;
            case OPEN:
                if (nanoClock.getAsLong() - openedAt < openDelayNanos) {
                    return false;
                }
                state = OdooCircuitState.HALF_OPEN;
                trialInFlight = true;
                return true;
            default:
                if (trialInFlight) {
                    return false;
                }
                trialInFlight = true;
                return true;
        }
    }

    synchronized void onSuccess() {
        if (state != OdooCircuitState.CLOSED) {
            LOG.infof("Odoo %s answers again: circuit closed", label);
        }
        state = OdooCircuitState.CLOSED;
        consecutiveFailures = 0;
        trialInFlight = false;
    }

    synchronized void onFailure() {
        consecutiveFailures++;
        if (state == OdooCircuitState.HALF_OPEN || state == OdooCircuitState.CLOSED && consecutiveFailures >= failureThreshold) {
            if (state == OdooCircuitState.CLOSED) {
                LOG.warnf("Odoo %s failed %d times in a row: circuit open for %d ms", label, consecutiveFailures,
                        openDelayNanos / 1_000_000);
            }
            state = OdooCircuitState.OPEN;
            openedAt = nanoClock.getAsLong();
            trialInFlight = false;
        }
    }

    /** A call that ended without a verdict on Odoo's health (cancelled, or refused before sending). */
    synchronized void onAbandoned() {
        trialInFlight = false;
    }

    synchronized OdooCircuitState state() {
        return state;
    }

    /** How long until an open circuit lets a trial call through; zero when it is not open. */
    synchronized Duration remainingOpen() {
        if (state != OdooCircuitState.OPEN) {
            return Duration.ZERO;
        }
        return Duration.ofNanos(Math.max(0, openDelayNanos - (nanoClock.getAsLong() - openedAt)));
    }
}
