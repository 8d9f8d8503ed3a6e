package dev.carrierhub.carriers;

import dev.carrierhub.contracts.events.Milestone;
import java.util.List;
import java.util.Objects;

/** The current milestone of a tracking number and its events, oldest first. */
public record TrackingResult(
        String trackingNumber,
        Milestone milestone,
        List<TrackingEvent> events,
        List<CarrierMessage> messages) {
    public TrackingResult {
        Objects.requireNonNull(trackingNumber, "trackingNumber");
        Objects.requireNonNull(milestone, "milestone");
        events = events == null ? List.of() : List.copyOf(events);
        messages = messages == null ? List.of() : List.copyOf(messages);
    }
}
