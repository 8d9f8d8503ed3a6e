package dev.carrierhub.carriers.ups;

import com.fasterxml.jackson.databind.JsonNode;
import dev.carrierhub.carriers.TrackingEvent;
import dev.carrierhub.contracts.events.Milestone;
import dev.carrierhub.contracts.events.ProofOfDelivery;
import java.io.IOException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A UPS Track Alert push ({@code webhooks.TrackingEvent} of {@code UPSTrackAlert.yaml}) → a canonical event. Pure:
 * no I/O, no clock.
 *
 * <p>The milestone follows {@link UpsStatus} and its trap: type {@code D} ("loaded on delivery vehicle, out for
 * delivery, delivered") is {@code DELIVERED} only when the push carries proof of delivery, an
 * {@code actualDeliveryDate} (or its code is {@code FS}); any other type {@code D} is {@code OUT_FOR_DELIVERY}.
 * Code {@code OT} is {@code OUT_FOR_DELIVERY} whatever the type. Type {@code U} (a new delivery date) says nothing
 * about where the package is: it is {@code UNKNOWN}, which keeps the shipment's milestone.
 *
 * <p>The event happened at {@code gmtActivityDate}/{@code gmtActivityTime} (UTC), else at the local date and time
 * at {@code gmtOffset} ({@code -04.00}), else the local time read as UTC. Track Alert has no event id; the id is
 * built like the polled one ({@code ups:<tracking number>:<gmt date>T<gmt time>:<type>-<code>}) so a repeated push
 * is one event. A delivery carries {@code receivedBy} (enhanced subscriptions) as the signer; the
 * {@code deliveryPhoto} is an inline image, not a link, and is not kept.
 */
public final class UpsTrackAlertMapper {
    private static final DateTimeFormatter DATE = DateTimeFormatter.BASIC_ISO_DATE;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HHmmss");

    private UpsTrackAlertMapper() {
    }

    /** @throws IllegalArgumentException when the body is not a Track Alert event with a tracking number, status and time */
    public static TrackingEvent toTrackingEvent(byte[] body) {
        JsonNode event;
        try {
            event = UpsJson.MAPPER.readTree(body);
        } catch (IOException unreadable) {
            throw new IllegalArgumentException("unreadable UPS Track Alert event: " + unreadable.getMessage(), unreadable);
        }
        if (event == null || !event.isObject()) {
            throw new IllegalArgumentException("not a UPS Track Alert event");
        }
        String trackingNumber = UpsJson.text(event, "trackingNumber");
        JsonNode status = event.path("activityStatus");
        String type = UpsJson.text(status, "type");
        String code = UpsJson.text(status, "code");
        if (trackingNumber == null || (type == null && code == null)) {
            throw new IllegalArgumentException("UPS Track Alert event without trackingNumber and activityStatus");
        }
        Instant occurredAt = occurredAt(event).orElseThrow(() ->
                new IllegalArgumentException("UPS Track Alert event without a readable activity date"));
        boolean deliveredProof = UpsJson.text(event, "actualDeliveryDate") != null;
        // "Previous" is UNKNOWN: for type U the milestone stays what the shipment's history says.
        Milestone milestone = UpsStatus.milestone(type, code, deliveredProof, Milestone.UNKNOWN);
        String location = location(event.path("activityLocation"));
        ProofOfDelivery proof = milestone == Milestone.DELIVERED
                ? new ProofOfDelivery(UpsJson.text(event, "receivedBy"), occurredAt, location, null) : null;
        String carrierStatus = Optional.ofNullable(type).orElse("") + "/" + Optional.ofNullable(code).orElse("");
        return new TrackingEvent(eventId(trackingNumber, event, type, code), trackingNumber, milestone, carrierStatus,
                UpsJson.text(status, "description"), location, occurredAt, proof);
    }

    static Optional<Instant> occurredAt(JsonNode event) {
        try {
            LocalDate gmtDate = date(UpsJson.text(event, "gmtActivityDate"));
            LocalTime gmtTime = time(UpsJson.text(event, "gmtActivityTime"));
            if (gmtDate != null && gmtTime != null) {
                return Optional.of(LocalDateTime.of(gmtDate, gmtTime).toInstant(ZoneOffset.UTC));
            }
            LocalDate date = date(UpsJson.text(event, "localActivityDate"));
            if (date == null) {
                return Optional.empty();
            }
            LocalTime time = Optional.ofNullable(time(UpsJson.text(event, "localActivityTime"))).orElse(LocalTime.MIDNIGHT);
            String offset = UpsJson.text(event, "gmtOffset");
            ZoneOffset zone = offset == null ? ZoneOffset.UTC : ZoneOffset.of(offset.replace('.', ':'));
            return Optional.of(LocalDateTime.of(date, time).toInstant(zone));
        } catch (DateTimeException unreadable) {
            return Optional.empty();
        }
    }

    private static LocalDate date(String text) {
        return text == null ? null : LocalDate.parse(text, DATE);
    }

    /** {@code HHmmss}; leading zeros of early hours may be missing, as in the Track API. */
    private static LocalTime time(String text) {
        if (text == null || text.length() > 6 || !text.chars().allMatch(Character::isDigit)) {
            return null;
        }
        return LocalTime.parse("0".repeat(6 - text.length()) + text, TIME);
    }

    private static String location(JsonNode address) {
        List<String> parts = new ArrayList<>();
        for (String field : List.of("city", "stateProvince", "country")) {
            String value = UpsJson.text(address, field);
            if (value != null) {
                parts.add(value);
            }
        }
        return parts.isEmpty() ? null : String.join(", ", parts);
    }

    private static String eventId(String trackingNumber, JsonNode event, String type, String code) {
        String date = Optional.ofNullable(UpsJson.text(event, "gmtActivityDate")).orElse(UpsJson.text(event, "localActivityDate"));
        String time = Optional.ofNullable(UpsJson.text(event, "gmtActivityTime")).orElse(UpsJson.text(event, "localActivityTime"));
        return "ups:" + trackingNumber + ":" + date + "T" + time + ":" + Optional.ofNullable(type).orElse("")
                + Optional.ofNullable(code).map(c -> "-" + c).orElse("");
    }
}
