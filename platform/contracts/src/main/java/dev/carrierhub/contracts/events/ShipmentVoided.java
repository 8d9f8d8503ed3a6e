package dev.carrierhub.contracts.events;

import dev.carrierhub.contracts.shipment.OdooPickingRef;
import java.time.Instant;
import java.util.Objects;

/**
 * Payload of {@code shipment.voided}: the carrier voided the shipment's label, so it will not be charged
 * (or is refunded) and its tracking number will never move.
 *
 * @param reason why it was voided: the cancellation's reason from Odoo, or the operator's
 */
public record ShipmentVoided(
        String shipmentId,
        OdooPickingRef picking,
        String carrier,
        String carrierShipmentId,
        String trackingNumber,
        String reason,
        Instant voidedAt) implements ShipmentEvent {
    public ShipmentVoided {
        Objects.requireNonNull(shipmentId, "shipmentId");
        Objects.requireNonNull(picking, "picking");
        Objects.requireNonNull(carrier, "carrier");
        Objects.requireNonNull(carrierShipmentId, "carrierShipmentId");
        Objects.requireNonNull(voidedAt, "voidedAt");
    }
}
