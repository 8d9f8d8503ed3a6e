package dev.carrierhub.intake.validation;

import java.util.Objects;

/**
 * One failed rule: a machine-readable reason code (see {@link ReasonCodes}), where in the shipment it is
 * ({@code shipTo.postalCode}, {@code parcels[0].weight}) and a sentence for the person who fixes it in Odoo.
 */
public record Violation(String code, Severity severity, String field, String message) {
    public Violation {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(message, "message");
    }

    public static Violation error(String code, String field, String message) {
        return new Violation(code, Severity.ERROR, field, message);
    }

    public static Violation warning(String code, String field, String message) {
        return new Violation(code, Severity.WARNING, field, message);
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }
}
