package dev.carrierhub.carriers.easypost;

import static dev.carrierhub.carriers.http.AnswerFields.text;

import com.fasterxml.jackson.databind.JsonNode;
import dev.carrierhub.carriers.CarrierException;
import dev.carrierhub.carriers.Label;
import dev.carrierhub.carriers.TrackingEvent;
import dev.carrierhub.carriers.TrackingResult;
import dev.carrierhub.carriers.http.AnswerFields;
import dev.carrierhub.contracts.events.Milestone;
import dev.carrierhub.contracts.events.ProofOfDelivery;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A verified EasyPost webhook {@code Event} → the one tracking event it announces. Pure: no I/O, no clock.
 *
 * <p>EasyPost posts every event of the account to the webhook URL. A tracker event ({@code tracker.created},
 * {@code tracker.updated}) carries the whole tracker; its news is the last tracking detail (EasyPost lists them
 * oldest first), or the tracker's own status while it has none. The event's {@code id} ({@code evt_…}) becomes the
 * event id: EasyPost delivers at least once and keeps the id on every retry. Other events (shipments, refunds,
 * batches …) are answered with no tracking event.
 */
public final class EasyPostWebhookMapper {
    private static final AnswerFields FIELDS = new AnswerFields("EasyPost");
    // Only the tracking part of the response mapper is used; the label format plays no part in it.
    private static final EasyPostResponseMapper TRACKERS = new EasyPostResponseMapper(Label.PDF);

    private EasyPostWebhookMapper() {
    }

    /**
     * @return the event, or empty for an event that is not about a tracker
     * @throws IllegalArgumentException when the body is not an EasyPost event, or a tracker event that cannot be read
     */
    public static Optional<TrackingEvent> toTrackingEvent(byte[] eventBody) {
        JsonNode event = read(eventBody);
        JsonNode tracker = event.path("result");
        if (!"Tracker".equals(text(tracker, "object"))) {
            return Optional.empty();
        }
        String eventId = text(event, "id");
        if (eventId == null) {
            throw new IllegalArgumentException("EasyPost tracker event without an id");
        }
        try {
            TrackingResult update = TRACKERS.toTrackingUpdate(eventBody);
            List<TrackingEvent> details = update.events();
            if (!details.isEmpty()) {
                TrackingEvent latest = details.get(details.size() - 1);
                return Optional.of(new TrackingEvent(eventId, latest.trackingNumber(), latest.milestone(),
                        latest.carrierStatus(), latest.description(), latest.location(), latest.occurredAt(),
                        latest.proofOfDelivery()));
            }
            return Optional.of(fromTrackerStatus(eventId, update.trackingNumber(), event, tracker));
        } catch (CarrierException unreadable) {
            throw new IllegalArgumentException("unreadable EasyPost tracker event: " + unreadable.getMessage(), unreadable);
        }
    }

    /** A tracker without details yet: its own status, as of its last update. */
    private static TrackingEvent fromTrackerStatus(String eventId, String trackingCode, JsonNode event, JsonNode tracker) {
        String status = text(tracker, "status");
        String statusDetail = text(tracker, "status_detail");
        Milestone milestone = EasyPostStatus.milestoneOf(status);
        String when = Optional.ofNullable(text(tracker, "updated_at")).orElse(text(event, "created_at"));
        if (when == null) {
            throw new IllegalArgumentException("EasyPost tracker event without a time");
        }
        Instant occurredAt = FIELDS.instant(when);
        ProofOfDelivery proof = milestone == Milestone.DELIVERED
                ? new ProofOfDelivery(text(tracker, "signed_by"), occurredAt, null, null) : null;
        String carrierStatus = statusDetail == null || statusDetail.equals(status) ? status : status + "/" + statusDetail;
        return new TrackingEvent(eventId, trackingCode, milestone, carrierStatus, null, null, occurredAt, proof);
    }

    private static JsonNode read(byte[] body) {
        try {
            JsonNode event = EasyPostJson.MAPPER.readTree(body);
            if (event == null || !event.isObject() || !"Event".equals(text(event, "object"))) {
                throw new IllegalArgumentException("not an EasyPost event");
            }
            return event;
        } catch (IOException unreadable) {
            throw new IllegalArgumentException("unreadable EasyPost event: " + unreadable.getMessage(), unreadable);
        }
    }
}
