package dev.carrierhub.intake.mapping;

/** The picking lacks something a carrier needs; the reason is meant for a person in Odoo. */
public class PickingMappingException extends RuntimeException {
    private final String reasonCode;

    public PickingMappingException(String reasonCode, String message) {
        super(message);
        this.reasonCode = reasonCode;
    }

    public String reasonCode() {
        return reasonCode;
    }
}
