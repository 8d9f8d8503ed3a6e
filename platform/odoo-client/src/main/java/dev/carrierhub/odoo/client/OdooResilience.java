package dev.carrierhub.odoo.client;

import java.time.Duration;
import java.util.Objects;

/**
 * Retry and circuit-breaker settings shared by the clients of one {@link OdooClients}.
 *
 * @param maxAttempts       attempts per call, the first included (1 = no retry)
 * @param initialBackoff    wait before the first retry; doubles on each further retry
 * @param maxBackoff        cap on one wait; a {@code Retry-After} longer than this ends the retries
 * @param jitter            0..1: each wait is shortened by a random part of up to this fraction
 * @param failureThreshold  consecutive transient failures that open a connection's circuit
 * @param openDelay         how long an open circuit rejects calls before it lets one trial call through
 */
public record OdooResilience(int maxAttempts, Duration initialBackoff, Duration maxBackoff, double jitter,
        int failureThreshold, Duration openDelay) {

    public OdooResilience {
        Objects.requireNonNull(initialBackoff, "initialBackoff");
        Objects.requireNonNull(maxBackoff, "maxBackoff");
        Objects.requireNonNull(openDelay, "openDelay");
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1");
        }
        if (initialBackoff.isNegative() || maxBackoff.compareTo(initialBackoff) < 0) {
            throw new IllegalArgumentException("need 0 <= initialBackoff <= maxBackoff");
        }
        if (!(jitter >= 0 && jitter <= 1)) {
            throw new IllegalArgumentException("jitter must be within 0..1");
        }
        if (failureThreshold < 1) {
            throw new IllegalArgumentException("failureThreshold must be at least 1");
        }
        if (openDelay.isNegative()) {
            throw new IllegalArgumentException("openDelay must not be negative");
        }
    }

    /** 3 attempts, 200 ms doubling up to 5 s with 50 % jitter; the circuit opens after 5 failures for 30 s. */
    public static OdooResilience defaults() {
        return new OdooResilience(3, Duration.ofMillis(200), Duration.ofSeconds(5), 0.5, 5, Duration.ofSeconds(30));
    }

    public OdooResilience withMaxAttempts(int attempts) {
        return new OdooResilience(attempts, initialBackoff, maxBackoff, jitter, failureThreshold, openDelay);
    }

    public OdooResilience withBackoff(Duration initial, Duration max) {
        return new OdooResilience(maxAttempts, initial, max, jitter, failureThreshold, openDelay);
    }

    public OdooResilience withCircuit(int threshold, Duration delay) {
        return new OdooResilience(maxAttempts, initialBackoff, maxBackoff, jitter, threshold, delay);
    }
}
