package dev.carrierhub.carriers.resilience;

import dev.carrierhub.carriers.CarrierErrorKind;
import dev.carrierhub.carriers.CarrierException;
import java.time.Duration;
import java.util.Locale;

/**
 * A call that a {@link ResilientConnector} refused before it reached the carrier. Its kind tells the caller
 * what to do, as for any carrier failure; {@link #reason()} says which limit refused it.
 */
public final class CallRejectedException extends CarrierException {
    private static final long serialVersionUID = 1L;

    private final Reason reason;

    public CallRejectedException(Reason reason, CarrierErrorKind kind, String message, Duration retryAfter) {
        super(kind, message, retryAfter, null, null, null);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }

    /** Which limit refused the call; {@link #tag()} is the metric and audit name. */
    public enum Reason {
        /** The breaker is open (or half-open with its probes out): kind {@code UNAVAILABLE}. */
        CIRCUIT_OPEN,
        /** Every place of the bulkhead is taken: kind {@code RATE_LIMITED}, no retry-after. */
        BULKHEAD_FULL,
        /** The account's own rate limit is used up: kind {@code RATE_LIMITED}, retry-after until the next token. */
        RATE_LIMIT;

        public String tag() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }
}
