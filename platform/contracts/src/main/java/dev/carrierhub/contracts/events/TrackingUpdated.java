package dev.carrierhub.contracts.events;

import dev.carrierhub.contracts.shipment.OdooPickingRef;
import java.time.Instant;
import java.util.Objects;

/** Payload of {@code tracking.updated}: published only when the milestone changes or proof of delivery arrives. */
public record TrackingUpdated(
        String shipmentId,
        OdooPickingRef picking,
        String carrier,
        String trackingNumber,
        Milestone milestone,
        Milestone previousMilestone,
        String carrierStatus,
        String description,
        String location,
        Instant eventTime,
        ProofOfDelivery proofOfDelivery) implements ShipmentEvent {
    public TrackingUpdated {
        Objects.requireNonNull(shipmentId, "shipmentId");
        Objects.requireNonNull(carrier, "carrier");
        Objects.requireNonNull(trackingNumber, "trackingNumber");
        Objects.requireNonNull(milestone, "milestone");
        Objects.requireNonNull(eventTime, "eventTime");
    }
}
