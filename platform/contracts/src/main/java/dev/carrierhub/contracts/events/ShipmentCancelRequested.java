package dev.carrierhub.contracts.events;

import dev.carrierhub.contracts.shipment.OdooPickingRef;
import java.time.Instant;
import java.util.Objects;

/** Payload of {@code shipment.cancel-requested}: the picking was cancelled in Odoo, so the label is voided. */
public record ShipmentCancelRequested(String shipmentId, OdooPickingRef picking, String reason, Instant requestedAt)
        implements ShipmentEvent {
    public ShipmentCancelRequested {
        Objects.requireNonNull(shipmentId, "shipmentId");
        Objects.requireNonNull(picking, "picking");
        Objects.requireNonNull(requestedAt, "requestedAt");
    }
}
