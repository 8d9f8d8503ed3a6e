package dev.carrierhub.odoo.client;

import java.util.List;
import java.util.Optional;

/**
 * A failed Odoo call. The subtype says what the caller can do about it; see the module README for the table.
 * Every {@code Uni} of {@link OdooClient} fails with one of these (or with an {@link IllegalArgumentException}
 * for a call that cannot be expressed, before anything is sent).
 */
public abstract sealed class OdooException extends RuntimeException
        permits OdooAccessException, OdooMissingRecordException, OdooValidationException, OdooConcurrencyException,
        OdooTransientException, OdooConfigurationException, OdooProtocolException, OdooServerException {

    private final OdooError error;

    protected OdooException(OdooError error, Throwable cause) {
        super(describe(error), cause, false, true);
        this.error = error;
    }

    private static String describe(OdooError error) {
        String text = error.operation() + ": " + error.message().strip();
        return error.name() == null ? text : text + " [" + error.name() + "]";
    }

    /** Everything Odoo said about the failure. */
    public OdooError error() {
        return error;
    }

    /** What was called, e.g. {@code stock.picking.write}. */
    public String operation() {
        return error.operation();
    }

    /** Odoo's exception class, e.g. {@code odoo.exceptions.ValidationError}; empty for transport failures. */
    public Optional<String> odooName() {
        return error.odooName();
    }

    /** Odoo's own message (what a user would see in Odoo), or the transport failure's description. */
    public String odooMessage() {
        return error.message();
    }

    /** Odoo's exception arguments, as text. */
    public List<String> arguments() {
        return error.arguments();
    }

    /** Whether the same call may succeed later without anything being fixed. */
    public abstract boolean retryable();

    /** Unwraps the {@code OdooException} from a failure that may wrap it (CompletionException and the like). */
    public static Optional<OdooException> find(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof OdooException odoo) {
                return Optional.of(odoo);
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return Optional.empty();
    }
}
