package dev.carrierhub.odoo.client;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What went wrong, as Odoo reported it when it did.
 *
 * @param operation  what was called: {@code stock.picking.write}, {@code common.authenticate}, {@code GET /web/version}
 * @param name       Odoo's exception class ({@code error.data.name}), e.g. {@code odoo.exceptions.UserError};
 *                   null when the failure did not come from Odoo (timeout, refused connection, proxy page)
 * @param message    Odoo's message ({@code data.message}), or a description of the transport failure
 * @param arguments  Odoo's exception arguments ({@code data.arguments}), as text; usually {@code [message]}
 * @param debug      Odoo's traceback ({@code data.debug}), or null
 * @param httpStatus the HTTP status of the answer, 0 when there was none
 */
public record OdooError(String operation, String name, String message, List<String> arguments, String debug,
        int httpStatus) {

    public OdooError {
        Objects.requireNonNull(operation, "operation");
        message = message == null ? "" : message;
        arguments = arguments == null ? List.of() : List.copyOf(arguments);
    }

    /** A failure that did not come with an Odoo error body. */
    public static OdooError of(String operation, String message, int httpStatus) {
        return new OdooError(operation, null, message, List.of(), null, httpStatus);
    }

    public Optional<String> odooName() {
        return Optional.ofNullable(name);
    }

    public Optional<String> traceback() {
        return Optional.ofNullable(debug);
    }
}
