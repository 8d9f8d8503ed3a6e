package dev.carrierhub.odoo.client;

/**
 * Odoo's answer was not what the protocol promises (a non-JSON body such as Werkzeug's 400 "Invalid JSON data",
 * or an unexpected shape); usually a client or proxy bug. Never retried.
 */
public final class OdooProtocolException extends OdooException {

    public OdooProtocolException(OdooError error) {
        this(error, null);
    }

    public OdooProtocolException(OdooError error, Throwable cause) {
        super(error, cause);
    }

    @Override
    public boolean retryable() {
        return false;
    }
}
