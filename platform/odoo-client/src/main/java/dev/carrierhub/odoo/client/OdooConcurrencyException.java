package dev.carrierhub.odoo.client;

/**
 * Two transactions collided inside Odoo (a PostgreSQL serialization failure, deadlock or lock timeout, which Odoo
 * itself already retried a few times). Odoo rolled the call back, so it is safe to retry even a create; the client
 * does so, and a caller that still gets this retries later.
 */
public final class OdooConcurrencyException extends OdooException {

    public OdooConcurrencyException(OdooError error) {
        this(error, null);
    }

    public OdooConcurrencyException(OdooError error, Throwable cause) {
        super(error, cause);
    }

    @Override
    public boolean retryable() {
        return true;
    }
}
