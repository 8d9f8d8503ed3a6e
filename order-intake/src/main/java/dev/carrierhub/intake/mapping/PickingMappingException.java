package dev.carrierhub.intake.mapping;

import dev.carrierhub.intake.validation.Violation;
import java.util.List;

/**
 * The picking lacks something a carrier needs; the reason is meant for a person in Odoo. When it comes
 * from validation it carries every violation found, not just the first.
 */
public class PickingMappingException extends RuntimeException {
    private final String reasonCode;
    private final List<Violation> violations;

    public PickingMappingException(String reasonCode, String message) {
        this(reasonCode, message, List.of());
    }

    public PickingMappingException(String reasonCode, String message, List<Violation> violations) {
        super(message);
        this.reasonCode = reasonCode;
        this.violations = List.copyOf(violations);
    }

    public String reasonCode() {
        return reasonCode;
    }

    public List<Violation> violations() {
        return violations;
    }
}
