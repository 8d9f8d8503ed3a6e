package dev.carrierhub.contracts.events;

import dev.carrierhub.contracts.shipment.OdooPickingRef;
import java.time.Instant;
import java.util.Objects;

/**
 * Payload of {@code label.deferred}: label-service parked a booking because its carrier is down and no
 * allowed alternative could take it; it tries again at {@code retryAt}. The warehouse learns that the
 * label is late, and why, before anyone has to ask.
 *
 * @param deferrals how often this booking has been parked so far, this time included
 */
public record LabelDeferred(
        String shipmentId,
        OdooPickingRef picking,
        String carrier,
        String serviceCode,
        String reason,
        int deferrals,
        Instant retryAt,
        Instant deferredAt) implements ShipmentEvent {
    public LabelDeferred {
        Objects.requireNonNull(shipmentId, "shipmentId");
        Objects.requireNonNull(picking, "picking");
        Objects.requireNonNull(carrier, "carrier");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(retryAt, "retryAt");
        Objects.requireNonNull(deferredAt, "deferredAt");
        if (deferrals < 1) {
            throw new IllegalArgumentException("deferrals must be at least 1, was " + deferrals);
        }
    }
}
