package dev.carrierhub.intake.client;

/** Odoo answered with its error envelope; {@code errorName} is Odoo's {@code data.name}, e.g. {@code odoo.exceptions.AccessError}. */
public class OdooException extends RuntimeException {
    private final String errorName;

    public OdooException(String errorName, String message) {
        super(errorName + ": " + message);
        this.errorName = errorName;
    }

    public String errorName() {
        return errorName;
    }
}
