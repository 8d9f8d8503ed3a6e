package dev.carrierhub.intake.writeback;

import java.time.Duration;
import java.time.Instant;

/**
 * When a write that failed transiently is tried again (exponential back-off, or later if Odoo asked),
 * and when it has been failing for long enough to give up.
 */
public record RetrySchedule(Duration initialBackoff, Duration maxBackoff, Duration giveUpAfter) {

    /** The back-off after the {@code attempts}-th attempt: initial × 2^(attempts-1), at most maxBackoff. */
    public Duration backoff(int attempts) {
        int doublings = Math.max(0, Math.min(attempts - 1, 30));
        Duration delay = initialBackoff.multipliedBy(1L << doublings);
        return delay.compareTo(maxBackoff) > 0 || delay.isNegative() ? maxBackoff : delay;
    }

    /** The next attempt: after the back-off, or after {@code retryAfter} when that is longer. */
    public Instant nextAttempt(int attempts, Instant now, Duration retryAfter) {
        Duration wait = backoff(attempts);
        if (retryAfter != null && retryAfter.compareTo(wait) > 0) {
            wait = retryAfter;
        }
        return now.plus(wait);
    }

    /** Whether a write first tried at {@code firstAttemptAt} has now failed for too long. */
    public boolean givesUp(Instant firstAttemptAt, Instant now) {
        return firstAttemptAt != null && !now.isBefore(firstAttemptAt.plus(giveUpAfter));
    }
}
