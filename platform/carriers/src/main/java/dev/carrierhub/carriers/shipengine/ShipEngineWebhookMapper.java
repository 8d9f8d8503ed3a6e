package dev.carrierhub.carriers.shipengine;

import static dev.carrierhub.carriers.http.AnswerFields.text;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.carrierhub.carriers.CarrierException;
import dev.carrierhub.carriers.TrackingEvent;
import dev.carrierhub.carriers.http.AnswerFields;
import dev.carrierhub.contracts.events.Milestone;
import dev.carrierhub.contracts.events.ProofOfDelivery;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A verified ShipEngine webhook → the one tracking event it announces. Pure: no I/O, no clock.
 *
 * <p>The envelope is {@code {resource_url, resource_type, data}}. A tracking webhook ({@code API_TRACK}) carries
 * the whole {@code tracking_information}; its news is the event with the latest {@code occurred_at}, mapped by its
 * {@code status_code} and {@code status_detail_code} ({@link ShipEngineStatus}). ShipEngine gives events no id, so
 * none is set. A delivery carries the event's {@code signer}. Other resource types (labels, batches, rates …), and
 * a tracking webhook without events yet, carry no tracking event.
 */
public final class ShipEngineWebhookMapper {
    /** The carrier name of ShipEngine's callbacks ({@code /callbacks/shipengine}); no ShipEngine connector books yet. */
    public static final String CARRIER = "shipengine";
    static final String TRACK = "API_TRACK";
    private static final ObjectMapper MAPPER = JsonMapper.builder().build();
    private static final AnswerFields FIELDS = new AnswerFields("ShipEngine");

    private ShipEngineWebhookMapper() {
    }

    /**
     * @return the event, or empty for a webhook that is not about tracking or has no event yet
     * @throws IllegalArgumentException when the body is not a ShipEngine webhook, or a tracking one that cannot be read
     */
    public static Optional<TrackingEvent> toTrackingEvent(byte[] body) {
        JsonNode payload;
        try {
            payload = MAPPER.readTree(body);
        } catch (IOException unreadable) {
            throw new IllegalArgumentException("unreadable ShipEngine webhook: " + unreadable.getMessage(), unreadable);
        }
        String type = payload == null ? null : text(payload, "resource_type");
        if (type == null) {
            throw new IllegalArgumentException("not a ShipEngine webhook: no resource_type");
        }
        if (!TRACK.equals(type)) {
            return Optional.empty();
        }
        try {
            return track(payload.path("data"));
        } catch (CarrierException unreadable) {
            throw new IllegalArgumentException("unreadable ShipEngine tracking webhook: " + unreadable.getMessage(), unreadable);
        }
    }

    private static Optional<TrackingEvent> track(JsonNode data) {
        String trackingNumber = text(data, "tracking_number");
        if (trackingNumber == null) {
            throw new IllegalArgumentException("ShipEngine tracking webhook without data.tracking_number");
        }
        JsonNode newest = null;
        Instant newestAt = null;
        for (JsonNode event : data.path("events")) {
            String occurred = text(event, "occurred_at");
            if (occurred == null) {
                continue;
            }
            Instant at = FIELDS.instant(occurred);
            if (newestAt == null || at.isAfter(newestAt)) {
                newest = event;
                newestAt = at;
            }
        }
        if (newest == null) {
            return Optional.empty();
        }
        String status = text(newest, "status_code");
        String detail = text(newest, "status_detail_code");
        Milestone milestone = ShipEngineStatus.milestoneOf(status, detail);
        String location = location(newest);
        String description = Optional.ofNullable(text(newest, "description")).orElse(text(newest, "status_detail_description"));
        ProofOfDelivery proof = milestone == Milestone.DELIVERED
                ? new ProofOfDelivery(text(newest, "signer"), newestAt, location, null) : null;
        String carrierStatus = detail == null ? status : status + "/" + detail;
        return Optional.of(new TrackingEvent(null, trackingNumber, milestone, carrierStatus, description, location,
                newestAt, proof));
    }

    private static String location(JsonNode event) {
        List<String> parts = new ArrayList<>();
        for (String field : List.of("city_locality", "state_province", "country_code")) {
            String value = text(event, field);
            if (value != null) {
                parts.add(value);
            }
        }
        return parts.isEmpty() ? null : String.join(", ", parts);
    }
}
