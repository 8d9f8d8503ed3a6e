package dev.carrierhub.odoo.client;

import java.time.Duration;
import java.util.Optional;
import java.util.function.DoubleSupplier;

/**
 * Decides whether a failed attempt is tried again, and after how long: exponential back-off with jitter,
 * only for failures a repeat can cure, and never for a call that may already have run unless it is idempotent.
 */
final class RetryPolicy {
    private final OdooResilience settings;
    private final DoubleSupplier random;

    /** {@code random} gives values in [0, 1); tests pass a seeded generator. */
    RetryPolicy(OdooResilience settings, DoubleSupplier random) {
        this.settings = settings;
        this.random = random;
    }

    /** The wait before the next attempt, or empty to give up; {@code attemptsMade} counts the first one. */
    Optional<Duration> delayBeforeRetry(OdooException failure, boolean idempotent, int attemptsMade) {
        if (attemptsMade >= settings.maxAttempts() || !worthRetrying(failure, idempotent)) {
            return Optional.empty();
        }
        Duration backoff = backoff(attemptsMade);
        if (failure instanceof OdooTransientException transient_ && transient_.retryAfter().isPresent()) {
            Duration retryAfter = transient_.retryAfter().get();
            if (retryAfter.compareTo(settings.maxBackoff()) > 0) {
                // The server asks for a longer pause than a caller should be held for: let the caller schedule it.
                return Optional.empty();
            }
            return Optional.of(retryAfter.compareTo(backoff) > 0 ? retryAfter : backoff);
        }
        return Optional.of(backoff);
    }

    static boolean worthRetrying(OdooException failure, boolean idempotent) {
        if (failure instanceof OdooConcurrencyException) {
            // Odoo rolled the transaction back: even a create is safe to repeat.
            return true;
        }
        if (failure instanceof OdooCircuitOpenException) {
            return false;
        }
        if (failure instanceof OdooTransientException transient_) {
            return idempotent || !transient_.mayHaveExecuted();
        }
        return false;
    }

    /** initial × 2^(n-1), capped, then shortened by up to {@code jitter} of itself so callers spread out. */
    Duration backoff(int attemptsMade) {
        double base = settings.initialBackoff().toNanos() * Math.pow(2, Math.max(0, attemptsMade - 1));
        double capped = Math.min(base, settings.maxBackoff().toNanos());
        double factor = 1 - settings.jitter() * random.getAsDouble();
        return Duration.ofNanos((long) (capped * factor));
    }
}
