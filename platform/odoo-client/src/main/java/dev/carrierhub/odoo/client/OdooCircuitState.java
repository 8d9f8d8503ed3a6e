package dev.carrierhub.odoo.client;

/** The state of a connection's circuit breaker, for health checks and metrics. */
public enum OdooCircuitState {
    /** Calls go through. */
    CLOSED,
    /** Calls fail at once with {@link OdooCircuitOpenException}, without touching the network. */
    OPEN,
    /** One trial call is in flight; its outcome closes or re-opens the circuit. */
    HALF_OPEN
}
