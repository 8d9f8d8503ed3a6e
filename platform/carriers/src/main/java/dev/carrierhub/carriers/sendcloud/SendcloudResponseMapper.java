package dev.carrierhub.carriers.sendcloud;

import static dev.carrierhub.carriers.http.AnswerFields.text;

import com.fasterxml.jackson.databind.JsonNode;
import dev.carrierhub.carriers.BookingResult;
import dev.carrierhub.carriers.CarrierErrorKind;
import dev.carrierhub.carriers.CarrierException;
import dev.carrierhub.carriers.CarrierMessage;
import dev.carrierhub.carriers.Label;
import dev.carrierhub.carriers.RateResult;
import dev.carrierhub.carriers.RetryAfter;
import dev.carrierhub.carriers.TrackingEvent;
import dev.carrierhub.carriers.TrackingResult;
import dev.carrierhub.carriers.VoidResult;
import dev.carrierhub.carriers.http.AnswerFields;
import dev.carrierhub.carriers.http.TransportFailures;
import dev.carrierhub.contracts.events.Milestone;
import dev.carrierhub.contracts.events.ProofOfDelivery;
import dev.carrierhub.contracts.events.Quote;
import dev.carrierhub.contracts.shipment.Money;
import dev.carrierhub.contracts.shipment.ServiceLevel;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.StringJoiner;

/**
 * Sendcloud API v3 answers → canonical results, and failed answers → {@link CarrierException} of the right kind.
 * Pure: no I/O; the clock is only read to turn a {@code Retry-After} date into a wait.
 *
 * <p>Errors are JSON:API-like, {@code {"errors":[{"status","code","detail","source":{"pointer"}}]}}; the pointer
 * becomes the field ({@code /to_address/name} → {@code to_address.name}). The tracking API answers FastAPI-style
 * {@code {"detail": …}}. Statuses: 400, 404, 409, 422 and other 4xx → {@code INVALID_REQUEST}; 401/403 →
 * {@code AUTH_FAILED}; 429 → {@code RATE_LIMITED} with {@code Retry-After}; 503 → {@code UNAVAILABLE}; other 5xx and
 * 408 → {@code TRANSIENT}.
 */
public final class SendcloudResponseMapper {
    private static final AnswerFields FIELDS = new AnswerFields("Sendcloud");
    private static final String CARRIER = SendcloudConnector.CARRIER;

    private final Clock clock;

    public SendcloudResponseMapper() {
        this(Clock.systemUTC());
    }

    public SendcloudResponseMapper(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Quotes from {@code POST /shipping-options}: one per option that came with a quote; its code is the service
     * code to ship with, its lead time (hours) the transit days. Options without a quote (no price for the route, or a
     * direct contract without prices) are left out and counted in an info message.
     */
    public RateResult toRateResult(SendcloudReply reply) {
        JsonNode body = successBody(reply);
        List<Quote> quotes = new ArrayList<>();
        int unpriced = 0;
        for (JsonNode option : body.path("data")) {
            JsonNode quote = option.path("quotes").path(0);
            JsonNode total = quote.path("price").path("total");
            if (!total.isObject() || text(total, "value") == null) {
                unpriced++;
                continue;
            }
            Integer days = quote.path("lead_time").isIntegralNumber()
                    ? (int) Math.ceil(quote.path("lead_time").intValue() / 24.0) : null;
            quotes.add(new Quote(null, CARRIER, FIELDS.requireText(option, "code"), levelOf(days),
                    FIELDS.money(FIELDS.requireText(total, "value"), FIELDS.requireText(total, "currency")), days));
        }
        List<CarrierMessage> messages = new ArrayList<>();
        if (unpriced > 0) {
            messages.add(new CarrierMessage("options_without_quote", unpriced + " shipping option(s) came without a price",
                    CarrierMessage.Severity.INFO));
        }
        if (text(body, "message") != null) {
            messages.add(new CarrierMessage("shipping_options", text(body, "message"), CarrierMessage.Severity.INFO));
        }
        return new RateResult(quotes, messages);
    }

    /**
     * The answer to {@code POST /shipments/announce}: the announced shipment; on 409 (the idempotency key was used)
     * the shipment announced the first time, or empty when Sendcloud did not send it along — look it up by the key.
     *
     * @throws CarrierException on any other failure, and {@code INVALID_REQUEST} when the carrier refused the
     *                          announcement (the shipment then exists, failed, under the key)
     */
    public Optional<SendcloudShipment> toAnnouncement(SendcloudReply reply) {
        if (reply.status() == 409) {
            Optional<JsonNode> existing = json(reply.body()).map(body -> body.path("data").isObject() ? body.path("data") : body)
                    .filter(data -> text(data, "id") != null && data.path("parcels").isArray());
            return existing.map(SendcloudResponseMapper::shipment).map(SendcloudResponseMapper::announced);
        }
        return Optional.of(announced(shipment(successBody(reply).path("data"))));
    }

    /**
     * The shipment announced under an idempotency key, from {@code GET /shipments?external_reference_id=}; a shipment
     * whose announcement failed, or is not done, is no booking.
     */
    public Optional<SendcloudShipment> toFoundShipment(SendcloudReply reply, String idempotencyKey) {
        if (reply.status() == 404) {
            return Optional.empty();
        }
        for (JsonNode data : successBody(reply).path("data")) {
            String reference = text(data, "external_reference_id");
            if (reference == null || reference.equals(idempotencyKey)) {
                return Optional.of(shipment(data)).filter(SendcloudShipment::announced);
            }
        }
        return Optional.empty();
    }

    /** A shipment ({@code GET /shipments/{id}}), as it is. */
    public SendcloudShipment toShipment(SendcloudReply reply) {
        return shipment(successBody(reply).path("data"));
    }

    /**
     * The canonical booking of an announced shipment with one label per parcel. Sendcloud's announcement names no
     * price, so the price is zero in {@code currency} with a {@code price_not_reported} warning: the quote of the
     * shipping option, or Sendcloud's invoice, has the amount.
     */
    public BookingResult toBookingResult(SendcloudShipment announced, List<String> parcelReferences, List<byte[]> labels,
            String currency) {
        String format = labelFormat(announced.labelMimeType());
        List<Label> printed = new ArrayList<>();
        for (int i = 0; i < labels.size(); i++) {
            printed.add(new Label(i < parcelReferences.size() ? parcelReferences.get(i) : null, format, labels.get(i)));
        }
        return new BookingResult(announced.id(), announced.trackingNumber(), new Money(BigDecimal.ZERO, currency), printed,
                List.of(new CarrierMessage("price_not_reported",
                        "Sendcloud does not name the label's price when announcing; see the shipping option's quote",
                        CarrierMessage.Severity.WARNING)));
    }

    /** The label the synchronous announcement sent inline (one parcel only), decoded. */
    public Optional<byte[]> inlineLabel(SendcloudShipment.Parcel parcel) {
        if (parcel.labelFile() == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Base64.getMimeDecoder().decode(parcel.labelFile()));
        } catch (IllegalArgumentException notBase64) {
            throw new CarrierException(CarrierErrorKind.TRANSIENT, "Sendcloud sent a label that is not base64", notBase64);
        }
    }

    /**
     * The answer to {@code POST /shipments/{id}/cancel}: 200 cancelled and 202 queued are a void; a 409 for a
     * shipment already being cancelled is a repeated void; any other 409 (delivered, announced over 42 days ago) fails.
     */
    public VoidResult toVoidResult(String shipmentId, SendcloudReply reply) {
        if (reply.status() == 409) {
            CarrierException refused = toError(reply);
            String detail = refused.carrierMessage().orElse("").toLowerCase(Locale.ROOT);
            if (detail.contains("already")) {
                return new VoidResult(shipmentId, true, List.of(new CarrierMessage("already_voided",
                        refused.carrierMessage().orElse(null), CarrierMessage.Severity.INFO)));
            }
            throw refused;
        }
        JsonNode data = successBody(reply).path("data");
        String status = Optional.ofNullable(text(data, "status")).orElse(reply.status() == 202 ? "queued" : "cancelled");
        return new VoidResult(shipmentId, false, List.of(new CarrierMessage(
                "queued".equals(status) ? "cancellation_queued" : "cancelled",
                Optional.ofNullable(text(data, "message")).orElse("Sendcloud cancellation " + status),
                CarrierMessage.Severity.INFO)));
    }

    /** A parcel's tracking ({@code GET /parcels/tracking/{number}}), events oldest first. */
    public TrackingResult toTrackingResult(String trackingNumber, SendcloudReply reply) {
        JsonNode body = successBody(reply);
        List<TrackingEvent> events = new ArrayList<>();
        for (JsonNode event : body.path("events")) {
            String code = text(event, "status_code");
            String subStatus = text(event, "sub_status_code");
            Milestone milestone = SendcloudStatus.milestoneOfStatusCode(code);
            Instant occurredAt = FIELDS.instant(FIELDS.requireText(event, "event_at"));
            ProofOfDelivery proof = milestone == Milestone.DELIVERED ? new ProofOfDelivery(null, occurredAt, null, null) : null;
            events.add(new TrackingEvent(null, trackingNumber, milestone,
                    subStatus == null || "none".equals(subStatus) ? code : code + "/" + subStatus,
                    text(event, "status_description"), null, occurredAt, proof));
        }
        events.sort(Comparator.comparing(TrackingEvent::occurredAt));
        Milestone current = events.isEmpty() ? Milestone.UNKNOWN : events.get(events.size() - 1).milestone();
        return new TrackingResult(trackingNumber, current, events, List.of());
    }

    /**
     * A pushed {@code parcels.event.created} body (v3 event subscriptions) → a canonical event: the phase, overridden
     * by the exception. Check the connection's configured credential first; this only reads.
     *
     * @throws IllegalArgumentException if the body is not a parcel event with a tracking number
     */
    public TrackingEvent toTrackingEvent(byte[] eventBody) {
        try {
            JsonNode payload = SendcloudJson.MAPPER.readTree(eventBody);
            if (payload == null || !"parcels.event.created".equals(text(payload, "event_type"))) {
                throw new IllegalArgumentException("not a Sendcloud parcels.event.created body");
            }
            JsonNode parcel = payload.path("data").path("parcel");
            JsonNode event = payload.path("data").path("event");
            String phase = text(event, "phase");
            String exception = text(event, "exception");
            Milestone milestone = SendcloudStatus.milestoneOf(phase, exception);
            Instant occurredAt = FIELDS.instant(FIELDS.requireText(event, "timestamp"));
            String location = location(event.path("location_details"));
            ProofOfDelivery proof = milestone == Milestone.DELIVERED ? new ProofOfDelivery(null, occurredAt, location, null) : null;
            String carrierStatus = exception == null || "none".equals(exception) ? phase : phase + "/" + exception;
            return new TrackingEvent(null, FIELDS.requireText(parcel, "tracking_number"), milestone, carrierStatus,
                    text(event, "description"), location, occurredAt, proof);
        } catch (IOException | CarrierException unreadable) {
            throw new IllegalArgumentException("unreadable Sendcloud event: " + unreadable.getMessage(), unreadable);
        }
    }

    /** The exception for an answer that is not a success. */
    public CarrierException toError(SendcloudReply reply) {
        int status = reply.status();
        Optional<ErrorBody> error = carrierError(reply);
        String field = error.map(ErrorBody::field).orElse(null);
        String carrierMessage = error.map(ErrorBody::message).orElse(null);
        String message = "Sendcloud answered " + status + error.map(e -> e.code() == null ? "" : " " + e.code()).orElse("")
                + (carrierMessage == null ? "" : ": " + carrierMessage) + (field == null ? "" : " (field " + field + ")");
        Duration retryAfter = RetryAfter.parse(reply.retryAfter(), clock.instant()).orElse(null);
        return new CarrierException(kindOf(status), message, retryAfter, field, carrierMessage, null);
    }

    /** The exception for a request that got no answer at all. */
    public CarrierException toError(Throwable transportFailure) {
        return TransportFailures.classify("Sendcloud", transportFailure);
    }

    /** A label download that did not give the file: the shipment is announced, so asking again is safe. */
    public CarrierException labelDownloadFailed(String shipmentId, int status) {
        return new CarrierException(CarrierErrorKind.TRANSIENT, "Sendcloud label of shipment " + shipmentId
                + " could not be downloaded (HTTP " + status + "); it is announced, book again with the same key");
    }

    static CarrierErrorKind kindOf(int status) {
        if (status == 401 || status == 403) {
            return CarrierErrorKind.AUTH_FAILED;
        }
        if (status == 429) {
            return CarrierErrorKind.RATE_LIMITED;
        }
        if (status == 503) {
            return CarrierErrorKind.UNAVAILABLE;
        }
        if (status >= 500 || status == 408) {
            return CarrierErrorKind.TRANSIENT;
        }
        if (status >= 400) {
            return CarrierErrorKind.INVALID_REQUEST;
        }
        return CarrierErrorKind.TRANSIENT;
    }

    /** The canonical level of a lead time in days: 1 overnight, 2 express, 3–5 standard, more economy. */
    static ServiceLevel levelOf(Integer days) {
        if (days == null || days < 1) {
            return null;
        }
        if (days == 1) {
            return ServiceLevel.OVERNIGHT;
        }
        if (days == 2) {
            return ServiceLevel.EXPRESS;
        }
        return days <= 5 ? ServiceLevel.STANDARD : ServiceLevel.ECONOMY;
    }

    /** The canonical label format of a MIME type. */
    static String labelFormat(String mimeType) {
        String type = mimeType == null ? "" : mimeType.toLowerCase(Locale.ROOT);
        if (type.contains("zpl")) {
            return Label.ZPL;
        }
        if (type.contains("png")) {
            return Label.PNG;
        }
        return Label.PDF;
    }

    /** The shipment if it is announced; a refused announcement is {@code INVALID_REQUEST} with the carrier's words. */
    private static SendcloudShipment announced(SendcloudShipment shipment) {
        if (shipment.failed()) {
            // The shipment exists under the key, failed: a retry with the same key gets the same failed shipment back.
            throw new CarrierException(CarrierErrorKind.INVALID_REQUEST, "Sendcloud could not announce shipment "
                    + shipment.id() + ": " + String.join("; ", shipment.errors()) + "; cancel it and book under a new key",
                    null, shipment.errorCode(), String.join("; ", shipment.errors()), null);
        }
        if (!shipment.announced()) {
            throw new CarrierException(CarrierErrorKind.TRANSIENT, "Sendcloud shipment " + shipment.id() + " is not announced yet");
        }
        return shipment;
    }

    private static SendcloudShipment shipment(JsonNode data) {
        if (!data.isObject()) {
            throw new CarrierException(CarrierErrorKind.TRANSIENT, "Sendcloud answer lacks its data");
        }
        List<String> errors = new ArrayList<>();
        String errorCode = null;
        for (JsonNode error : data.path("errors")) {
            errors.add(Optional.ofNullable(text(error, "detail")).orElse(text(error, "code")));
            errorCode = errorCode == null ? text(error, "code") : errorCode;
        }
        List<SendcloudShipment.Parcel> parcels = new ArrayList<>();
        for (JsonNode parcel : data.path("parcels")) {
            URI link = null;
            for (JsonNode document : parcel.path("documents")) {
                if ("label".equals(text(document, "type")) && text(document, "link") != null) {
                    link = URI.create(text(document, "link"));
                    break;
                }
            }
            JsonNode id = parcel.path("id");
            String status = text(parcel.path("status"), "code");
            if ("ANNOUNCEMENT_FAILED".equals(status) && errors.isEmpty()) {
                errors.add(Optional.ofNullable(text(parcel.path("status"), "message")).orElse("announcement failed"));
                errorCode = "ANNOUNCEMENT_FAILED";
            }
            parcels.add(new SendcloudShipment.Parcel(id.isIntegralNumber() ? id.longValue() : null,
                    text(parcel, "tracking_number"), status, link, text(parcel, "label_file")));
        }
        return new SendcloudShipment(FIELDS.requireText(data, "id"), text(data, "external_reference_id"),
                text(data.path("carrier"), "code"), text(data.path("label_details"), "mime_type"), parcels, errors, errorCode);
    }

    private static String location(JsonNode location) {
        StringJoiner joined = new StringJoiner(", ");
        for (String field : List.of("city", "country")) {
            String value = text(location, field);
            if (value != null) {
                joined.add(value);
            }
        }
        return joined.length() == 0 ? null : joined.toString();
    }

    private JsonNode successBody(SendcloudReply reply) {
        if (!reply.successful()) {
            throw toError(reply);
        }
        return json(reply.body()).filter(JsonNode::isObject).orElseThrow(() -> new CarrierException(
                CarrierErrorKind.TRANSIENT, "Sendcloud answered " + reply.status() + " with an unreadable body"));
    }

    private static Optional<JsonNode> json(String body) {
        try {
            return Optional.ofNullable(SendcloudJson.MAPPER.readTree(body));
        } catch (IOException notJson) {
            return Optional.empty();
        }
    }

    private static Optional<ErrorBody> carrierError(SendcloudReply reply) {
        Optional<JsonNode> body = json(reply.body()).filter(JsonNode::isObject);
        if (body.isEmpty()) {
            // A gateway's HTML error page: the status alone decides.
            return Optional.empty();
        }
        JsonNode error = body.get().path("errors").path(0);
        if (error.isObject()) {
            JsonNode source = error.path("source");
            String field = text(source, "pointer") != null ? field(text(source, "pointer")) : text(source, "parameter");
            return Optional.of(new ErrorBody(text(error, "code"),
                    Optional.ofNullable(text(error, "detail")).orElse(text(error, "title")), field));
        }
        JsonNode detail = body.get().path("detail");
        if (detail.isTextual()) {
            return Optional.of(new ErrorBody(null, detail.asText(), null));
        }
        if (detail.isArray() && detail.path(0).isObject()) {
            // FastAPI validation: {"detail":[{"loc":["path","tracking_number"],"msg":…,"type":…}]}
            JsonNode first = detail.path(0);
            StringJoiner location = new StringJoiner(".");
            first.path("loc").forEach(part -> location.add(part.asText()));
            return Optional.of(new ErrorBody(text(first, "type"), text(first, "msg"),
                    location.length() == 0 ? null : location.toString()));
        }
        return Optional.empty();
    }

    /** A JSON pointer into our request → a field path: {@code /parcels/0/weight} → {@code parcels[0].weight}. */
    static String field(String pointer) {
        String path = pointer.startsWith("/data/attributes/") ? pointer.substring("/data/attributes".length()) : pointer;
        StringBuilder field = new StringBuilder();
        for (String part : path.split("/")) {
            if (part.isEmpty()) {
                continue;
            }
            String name = part.replace("~1", "/").replace("~0", "~");
            if (name.chars().allMatch(Character::isDigit)) {
                field.append('[').append(name).append(']');
            } else {
                field.append(field.length() == 0 ? "" : ".").append(name);
            }
        }
        return field.length() == 0 ? null : field.toString();
    }


    /** The first error of a Sendcloud error answer. */
    private record ErrorBody(String code, String message, String field) {
    }
}
