package dev.carrierhub.carriers.sandbox;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/** One tracking event the sandbox recorded for a shipment; {@code signedBy} only for deliveries. */
record SandboxEvent(
        String eventId,
        SandboxStatus status,
        String description,
        String location,
        Instant occurredAt,
        String signedBy) {

    static SandboxEvent of(SandboxStatus status, String description, String location, Instant occurredAt, String signedBy) {
        return new SandboxEvent(UUID.randomUUID().toString(), status, description, location,
                occurredAt.truncatedTo(ChronoUnit.MILLIS), status == SandboxStatus.DELIVERED ? signedBy : null);
    }

    /** The event as the tracking endpoint lists it. */
    ObjectNode toJson() {
        ObjectNode json = SandboxJson.MAPPER.createObjectNode().put("event_id", eventId);
        return withDetails(json);
    }

    /** The event as a callback pushes it. */
    ObjectNode toCallback(String trackingNumber) {
        ObjectNode json = SandboxJson.MAPPER.createObjectNode()
                .put("event_id", eventId)
                .put("tracking_number", trackingNumber);
        return withDetails(json);
    }

    private ObjectNode withDetails(ObjectNode json) {
        json.put("status", status.wireName())
                .put("description", description)
                .put("location", location)
                .put("occurred_at", occurredAt.toString());
        if (signedBy != null) {
            json.put("signed_by", signedBy);
        }
        return json;
    }
}
