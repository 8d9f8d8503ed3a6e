package dev.carrierhub.odoo.client;

/**
 * A record the call needs does not exist or was deleted (MissingError, e.g. a write to a deleted id); never
 * retried. Note that {@code read} of a missing id is not an error: the record is simply absent.
 */
public final class OdooMissingRecordException extends OdooException {

    public OdooMissingRecordException(OdooError error) {
        this(error, null);
    }

    public OdooMissingRecordException(OdooError error, Throwable cause) {
        super(error, cause);
    }

    @Override
    public boolean retryable() {
        return false;
    }
}
