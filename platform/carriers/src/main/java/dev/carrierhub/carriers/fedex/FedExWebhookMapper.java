package dev.carrierhub.carriers.fedex;

import static dev.carrierhub.carriers.http.AnswerFields.text;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.carrierhub.carriers.CarrierException;
import dev.carrierhub.carriers.TrackingEvent;
import dev.carrierhub.carriers.http.AnswerFields;
import dev.carrierhub.contracts.events.Milestone;
import dev.carrierhub.contracts.events.ProofOfDelivery;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A FedEx tracking webhook → a canonical event. Pure: no I/O, no clock.
 *
 * <p>The payload is the Track API's {@code CompleteTrackResult} ({@code {transactionId, output:
 * {completeTrackResults: [{trackingNumber, trackResults: [...]}]}}}). One payload is about one tracking number; a
 * payload about several is refused (and so kept for an operator) rather than half read. The event is the track
 * result's current status: {@code latestStatusDetail.derivedCode} (else its {@code code}, else the newest scan's
 * {@code derivedStatusCode}/{@code eventType}) through {@link FedExStatus}, at the newest scan's {@code date}, or
 * for a delivery at {@code dateAndTimes} {@code ACTUAL_DELIVERY}. FedEx gives events no id, so none is set.
 * A delivery carries {@code deliveryDetails.signedByName} (else {@code receivedByName}) and the
 * {@code actualDeliveryAddress}; FedEx's proof-of-delivery images are fetched through another API, so there is no link.
 */
public final class FedExWebhookMapper {
    /** The carrier name of FedEx's callbacks ({@code /callbacks/fedex}); no FedEx connector books yet. */
    public static final String CARRIER = "fedex";
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
    private static final AnswerFields FIELDS = new AnswerFields("FedEx");

    private FedExWebhookMapper() {
    }

    /** @throws IllegalArgumentException when the payload is not one readable track result */
    public static TrackingEvent toTrackingEvent(byte[] body) {
        try {
            return read(MAPPER.readTree(body));
        } catch (IOException | CarrierException unreadable) {
            throw new IllegalArgumentException("unreadable FedEx tracking webhook: " + unreadable.getMessage(), unreadable);
        }
    }

    private static TrackingEvent read(JsonNode payload) {
        JsonNode results = payload == null ? null : payload.path("output").path("completeTrackResults");
        if (results == null || !results.isArray() || results.isEmpty()) {
            throw new IllegalArgumentException("not a FedEx tracking webhook: no output.completeTrackResults");
        }
        Set<String> numbers = new LinkedHashSet<>();
        results.forEach(result -> Optional.ofNullable(text(result, "trackingNumber")).ifPresent(numbers::add));
        if (numbers.size() > 1) {
            throw new IllegalArgumentException("a FedEx tracking webhook about " + numbers.size()
                    + " tracking numbers; one payload is read as one event");
        }
        JsonNode complete = results.get(0);
        JsonNode track = null;
        for (JsonNode candidate : complete.path("trackResults")) {
            if (!candidate.path("error").isObject()) {
                track = candidate;
                break;
            }
        }
        if (track == null) {
            throw new IllegalArgumentException("FedEx tracking webhook without a track result");
        }
        String trackingNumber = Optional.ofNullable(text(track.path("trackingNumberInfo"), "trackingNumber"))
                .orElse(text(complete, "trackingNumber"));
        if (trackingNumber == null) {
            throw new IllegalArgumentException("FedEx tracking webhook without a tracking number");
        }
        JsonNode latest = track.path("latestStatusDetail");
        JsonNode newestScan = newestScan(track.path("scanEvents"));
        String derived = text(latest, "derivedCode");
        String code = text(latest, "code");
        String status = firstOf(derived, code, text(newestScan, "derivedStatusCode"), text(newestScan, "eventType"));
        Milestone milestone = FedExStatus.milestoneOf(status);
        Instant occurredAt = Optional.ofNullable(milestone == Milestone.DELIVERED ? dateAndTime(track, "ACTUAL_DELIVERY") : null)
                .or(() -> Optional.ofNullable(text(newestScan, "date")).map(FIELDS::instant))
                .orElseThrow(() -> new IllegalArgumentException("FedEx tracking webhook without a scan time"));
        String location = Optional.ofNullable(location(latest.path("scanLocation")))
                .orElse(location(newestScan.path("scanLocation")));
        String description = firstOf(text(latest, "description"), text(latest, "statusByLocale"),
                text(newestScan, "eventDescription"));
        String carrierStatus = derived != null && code != null && !derived.equals(code) ? derived + "/" + code : status;
        ProofOfDelivery proof = milestone == Milestone.DELIVERED ? proof(track.path("deliveryDetails"), occurredAt, location) : null;
        return new TrackingEvent(null, trackingNumber, milestone, carrierStatus, description, location, occurredAt, proof);
    }

    /** The scan with the latest time (FedEx lists the newest first, but the order is not promised). */
    private static JsonNode newestScan(JsonNode scans) {
        JsonNode newest = MissingNode.getInstance();
        Instant newestAt = null;
        for (JsonNode scan : scans) {
            String date = text(scan, "date");
            if (date == null) {
                continue;
            }
            Instant at = FIELDS.instant(date);
            if (newestAt == null || at.isAfter(newestAt)) {
                newest = scan;
                newestAt = at;
            }
        }
        return newest;
    }

    private static Instant dateAndTime(JsonNode track, String type) {
        for (JsonNode entry : track.path("dateAndTimes")) {
            if (type.equals(text(entry, "type")) && text(entry, "dateTime") != null) {
                return FIELDS.instant(text(entry, "dateTime"));
            }
        }
        return null;
    }

    private static ProofOfDelivery proof(JsonNode delivery, Instant deliveredAt, String eventLocation) {
        String signedBy = firstOf(text(delivery, "signedByName"), text(delivery, "receivedByName"));
        String place = location(delivery.path("actualDeliveryAddress"));
        return new ProofOfDelivery(signedBy, deliveredAt, place != null ? place : eventLocation, null);
    }

    private static String location(JsonNode address) {
        List<String> parts = new ArrayList<>();
        for (String field : List.of("city", "stateOrProvinceCode", "countryCode")) {
            String value = text(address, field);
            if (value != null) {
                parts.add(value);
            }
        }
        return parts.isEmpty() ? null : String.join(", ", parts);
    }

    private static String firstOf(String... values) {
        for (String value : values) {
            if (value != null) {
                return value;
            }
        }
        return null;
    }
}
