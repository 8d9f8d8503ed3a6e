package dev.carrierhub.contracts.events;

import dev.carrierhub.contracts.shipment.OdooPickingRef;
import java.time.Instant;
import java.util.Objects;

/**
 * Payload of {@code shipment.exception}: something a person has to look at, with a reason code the
 * intake routes to the right Odoo user and the carrier's own message where there is one.
 */
public record ShipmentException(
        String shipmentId,
        OdooPickingRef picking,
        String stage,
        String reasonCode,
        String message,
        String carrier,
        boolean retryable,
        Instant occurredAt) implements ShipmentEvent {
    public ShipmentException {
        Objects.requireNonNull(shipmentId, "shipmentId");
        Objects.requireNonNull(stage, "stage");
        Objects.requireNonNull(reasonCode, "reasonCode");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(occurredAt, "occurredAt");
    }
}
