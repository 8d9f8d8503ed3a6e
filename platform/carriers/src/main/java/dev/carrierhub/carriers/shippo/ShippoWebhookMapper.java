package dev.carrierhub.carriers.shippo;

import static dev.carrierhub.carriers.http.AnswerFields.text;

import com.fasterxml.jackson.databind.JsonNode;
import dev.carrierhub.carriers.CarrierException;
import dev.carrierhub.carriers.TrackingEvent;
import java.io.IOException;
import java.util.Optional;

/**
 * A verified Shippo webhook → the one tracking event it announces. Pure: no I/O, no clock.
 *
 * <p>A {@code track_updated} body carries the whole track; its news is {@code data.tracking_status}, mapped like
 * every Shippo status ({@link ShippoStatus}: the status, refined by {@code substatus.code}). The status's
 * {@code object_id} is the event id, the same id the status has in later {@code tracking_history} lists and in
 * {@code GET /tracks}, so a repeated webhook is one event. Other events ({@code transaction_created},
 * {@code batch_purchased} …) carry no tracking event.
 */
public final class ShippoWebhookMapper {
    static final String TRACK_UPDATED = "track_updated";

    private ShippoWebhookMapper() {
    }

    /**
     * @return the event, or empty for a webhook that is not a track update
     * @throws IllegalArgumentException when the body is not a Shippo webhook, or a track update that cannot be read
     */
    public static Optional<TrackingEvent> toTrackingEvent(byte[] webhookBody) {
        JsonNode payload;
        try {
            payload = ShippoJson.MAPPER.readTree(webhookBody);
        } catch (IOException unreadable) {
            throw new IllegalArgumentException("unreadable Shippo webhook: " + unreadable.getMessage(), unreadable);
        }
        String event = payload == null ? null : text(payload, "event");
        if (event == null) {
            throw new IllegalArgumentException("not a Shippo webhook: no event");
        }
        if (!TRACK_UPDATED.equals(event)) {
            return Optional.empty();
        }
        JsonNode track = payload.path("data");
        JsonNode status = track.path("tracking_status");
        String trackingNumber = text(track, "tracking_number");
        if (trackingNumber == null || !status.isObject()) {
            throw new IllegalArgumentException("Shippo track_updated without a tracking number and status");
        }
        try {
            return Optional.of(ShippoResponseMapper.trackingEvent(trackingNumber, status));
        } catch (CarrierException unreadable) {
            throw new IllegalArgumentException("unreadable Shippo track_updated: " + unreadable.getMessage(), unreadable);
        }
    }
}
