package dev.carrierhub.odoo.client;

/**
 * No answer within the connection's timeout. The request was sent, so Odoo may still have executed it:
 * re-read before repeating a create or an action.
 */
public final class OdooTimeoutException extends OdooTransientException {

    public OdooTimeoutException(OdooError error, Throwable cause) {
        super(error, true, null, cause);
    }
}
