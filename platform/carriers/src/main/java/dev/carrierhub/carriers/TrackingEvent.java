package dev.carrierhub.carriers;

import dev.carrierhub.contracts.events.Milestone;
import dev.carrierhub.contracts.events.ProofOfDelivery;
import java.time.Instant;
import java.util.Objects;

/**
 * One status event of a tracking number, mapped to the canonical milestone; {@code eventId} is the
 * carrier's id where it gives one (pushed callbacks), used to drop duplicates.
 */
public record TrackingEvent(
        String eventId,
        String trackingNumber,
        Milestone milestone,
        String carrierStatus,
        String description,
        String location,
        Instant occurredAt,
        ProofOfDelivery proofOfDelivery) {
    public TrackingEvent {
        Objects.requireNonNull(trackingNumber, "trackingNumber");
        Objects.requireNonNull(milestone, "milestone");
        Objects.requireNonNull(occurredAt, "occurredAt");
    }
}
