package dev.carrierhub.odoo.client;

import java.time.Duration;
import java.util.Optional;

/**
 * Odoo could not be reached or was overloaded: refused or reset connection, 429, 5xx from Odoo or a proxy, a
 * database connection failure inside Odoo. The same call may succeed later.
 *
 * <p>{@link #mayHaveExecuted()} tells whether Odoo may have run the call anyway (the request was sent and no
 * verdict came back): the client then retries reads and writes, but not {@code create} or {@code call}; a caller
 * re-reads before repeating such a call.
 */
public sealed class OdooTransientException extends OdooException permits OdooTimeoutException, OdooCircuitOpenException {
    private final boolean mayHaveExecuted;
    private final Duration retryAfter;

    public OdooTransientException(OdooError error, boolean mayHaveExecuted, Duration retryAfter, Throwable cause) {
        super(error, cause);
        this.mayHaveExecuted = mayHaveExecuted;
        this.retryAfter = retryAfter;
    }

    /** True when the request reached Odoo and the outcome is unknown. */
    public boolean mayHaveExecuted() {
        return mayHaveExecuted;
    }

    /** The server's {@code Retry-After}, or how long an open circuit stays open. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    @Override
    public boolean retryable() {
        return true;
    }
}
