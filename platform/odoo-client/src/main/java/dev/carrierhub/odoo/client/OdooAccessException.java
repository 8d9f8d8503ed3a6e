package dev.carrierhub.odoo.client;

/**
 * Odoo refused the credentials or the user's rights (AccessDenied, AccessError, a rejected API key, {@code
 * authenticate} answering false): someone must fix the account; never retried.
 */
public final class OdooAccessException extends OdooException {

    public OdooAccessException(OdooError error) {
        this(error, null);
    }

    public OdooAccessException(OdooError error, Throwable cause) {
        super(error, cause);
    }

    @Override
    public boolean retryable() {
        return false;
    }
}
