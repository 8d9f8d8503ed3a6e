package dev.carrierhub.odoo.client;

/**
 * Odoo failed with an exception this client does not classify (a bug or an unexpected state inside Odoo); never
 * retried, report it with {@link #error()}.
 */
public final class OdooServerException extends OdooException {

    public OdooServerException(OdooError error) {
        this(error, null);
    }

    public OdooServerException(OdooError error, Throwable cause) {
        super(error, cause);
    }

    @Override
    public boolean retryable() {
        return false;
    }
}
