package dev.carrierhub.odoo.client;

/**
 * Odoo rejected the request itself: a business rule (UserError), a constraint (ValidationError), a bad field or
 * value (ValueError, TypeError), an unknown model or method; a person or a code change must fix the data. Never
 * retried.
 */
public final class OdooValidationException extends OdooException {

    public OdooValidationException(OdooError error) {
        this(error, null);
    }

    public OdooValidationException(OdooError error, Throwable cause) {
        super(error, cause);
    }

    @Override
    public boolean retryable() {
        return false;
    }
}
