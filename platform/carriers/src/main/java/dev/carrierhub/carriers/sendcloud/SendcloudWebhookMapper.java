package dev.carrierhub.carriers.sendcloud;

import static dev.carrierhub.carriers.http.AnswerFields.text;

import com.fasterxml.jackson.databind.JsonNode;
import dev.carrierhub.carriers.TrackingEvent;
import dev.carrierhub.contracts.events.Milestone;
import dev.carrierhub.contracts.events.ProofOfDelivery;
import java.io.IOException;
import java.time.Instant;
import java.util.Optional;

/**
 * A verified Sendcloud webhook → the one tracking event it announces. Pure: no I/O, no clock.
 *
 * <ul>
 *   <li>{@code parcel_status_changed} (the signed integration webhook): {@code parcel.tracking_number}, the numeric
 *       {@code parcel.status.id} through {@link SendcloudParcelStatus} ({@code carrierStatus} is the id,
 *       {@code description} Sendcloud's message), at {@code carrier_status_change_timestamp}, else {@code timestamp}
 *       (seconds, or milliseconds as {@link SendcloudWebhookSignature} reads them). The body has no event id, and
 *       no place: {@code parcel.address} is the recipient's.</li>
 *   <li>{@code parcels.event.created} (v3 event subscriptions): read by
 *       {@link SendcloudResponseMapper#toTrackingEvent(byte[])} with {@link SendcloudStatus}.</li>
 *   <li>Other integration actions ({@code integration_connected}, {@code return_created} …) and other event types
 *       carry no tracking event.</li>
 * </ul>
 */
public final class SendcloudWebhookMapper {
    static final String PARCEL_STATUS_CHANGED = "parcel_status_changed";
    static final String PARCEL_EVENT_CREATED = "parcels.event.created";
    private static final SendcloudResponseMapper EVENTS = new SendcloudResponseMapper();

    private SendcloudWebhookMapper() {
    }

    /**
     * @return the event, or empty for an integration webhook that is not about a parcel's status
     * @throws IllegalArgumentException when the body is not a Sendcloud webhook, or a parcel webhook that cannot be read
     */
    public static Optional<TrackingEvent> toTrackingEvent(byte[] webhookBody) {
        JsonNode payload;
        try {
            payload = SendcloudJson.MAPPER.readTree(webhookBody);
        } catch (IOException unreadable) {
            throw new IllegalArgumentException("unreadable Sendcloud webhook: " + unreadable.getMessage(), unreadable);
        }
        if (payload == null || !payload.isObject()) {
            throw new IllegalArgumentException("not a Sendcloud webhook");
        }
        String eventType = text(payload, "event_type");
        if (eventType != null) {
            return PARCEL_EVENT_CREATED.equals(eventType) ? Optional.of(EVENTS.toTrackingEvent(webhookBody)) : Optional.empty();
        }
        String action = text(payload, "action");
        if (action == null) {
            throw new IllegalArgumentException("not a Sendcloud webhook: neither action nor event_type");
        }
        return PARCEL_STATUS_CHANGED.equals(action) ? Optional.of(statusChanged(payload)) : Optional.empty();
    }

    private static TrackingEvent statusChanged(JsonNode payload) {
        JsonNode parcel = payload.path("parcel");
        String trackingNumber = text(parcel, "tracking_number");
        if (trackingNumber == null) {
            throw new IllegalArgumentException("Sendcloud parcel_status_changed without parcel.tracking_number");
        }
        JsonNode status = parcel.path("status");
        Integer statusId = status.path("id").canConvertToInt() && status.path("id").isIntegralNumber()
                ? status.path("id").intValue() : null;
        Instant occurredAt = time(payload.path("carrier_status_change_timestamp"))
                .or(() -> time(payload.path("timestamp")))
                .orElseThrow(() -> new IllegalArgumentException("Sendcloud parcel_status_changed without a readable time"));
        Milestone milestone = SendcloudParcelStatus.milestoneOf(statusId);
        ProofOfDelivery proof = milestone == Milestone.DELIVERED ? new ProofOfDelivery(null, occurredAt, null, null) : null;
        return new TrackingEvent(null, trackingNumber, milestone, statusId == null ? null : statusId.toString(),
                text(status, "message"), null, occurredAt, proof);
    }

    private static Optional<Instant> time(JsonNode value) {
        return value.isNumber() ? SendcloudWebhookSignature.instant(value.decimalValue()) : Optional.empty();
    }
}
