package dev.carrierhub.odoo.client;

import java.time.Duration;

/**
 * The connection's circuit is open after repeated transient failures: the call was not sent.
 * {@link #retryAfter()} says when a trial call will be let through.
 */
public final class OdooCircuitOpenException extends OdooTransientException {

    public OdooCircuitOpenException(OdooError error, Duration retryAfter) {
        super(error, false, retryAfter, null);
    }
}
