package dev.carrierhub.contracts.shipment;

import java.util.Objects;

/** Where a shipment comes from in Odoo: the tenant (one Odoo database) and the delivery picking. */
public record OdooPickingRef(String tenant, long pickingId, String pickingName, String origin) {
    public OdooPickingRef {
        Objects.requireNonNull(tenant, "tenant");
        if (pickingId <= 0) {
            throw new IllegalArgumentException("pickingId must be positive, was " + pickingId);
        }
    }
}
