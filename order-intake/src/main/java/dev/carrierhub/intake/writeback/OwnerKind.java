package dev.carrierhub.intake.writeback;

import java.util.Arrays;
import java.util.Optional;

/** Who in the tenant's company acts on an activity: configured per tenant as an Odoo user. */
public enum OwnerKind {
    WAREHOUSE("warehouse"),
    CUSTOMER_SERVICE("customer-service"),
    FINANCE("finance");

    private final String code;

    OwnerKind(String code) {
        this.code = code;
    }

    /** The name in configuration keys ({@code owners.customer-service}) and in write-back payloads. */
    public String code() {
        return code;
    }

    public static Optional<OwnerKind> of(String code) {
        return Arrays.stream(values()).filter(owner -> owner.code.equals(code)).findFirst();
    }
}
