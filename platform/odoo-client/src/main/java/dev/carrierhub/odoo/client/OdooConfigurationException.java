package dev.carrierhub.odoo.client;

/**
 * The connection settings are wrong: unknown database, no Odoo API at the URL (or no JSON-2 before Odoo 19), a
 * TLS failure. Never retried.
 */
public final class OdooConfigurationException extends OdooException {

    public OdooConfigurationException(OdooError error) {
        this(error, null);
    }

    public OdooConfigurationException(OdooError error, Throwable cause) {
        super(error, cause);
    }

    @Override
    public boolean retryable() {
        return false;
    }
}
