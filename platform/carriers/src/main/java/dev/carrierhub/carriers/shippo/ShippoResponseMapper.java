package dev.carrierhub.carriers.shippo;

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
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.StringJoiner;

/**
 * Shippo answers → canonical results, and failed answers → {@link CarrierException} of the right kind. Pure: no I/O;
 * the clock is only read to turn a {@code Retry-After} date into a wait.
 *
 * <p>Shippo's error bodies are Django REST ones: {@code {"detail": "…"}} or a map of fields to messages, nested for
 * lists ({@code {"parcels": [{"weight": ["…"]}]}} → field {@code parcels[0].weight}). Statuses: 400, 404, 409, 422
 * and other 4xx → {@code INVALID_REQUEST}; 401/403 → {@code AUTH_FAILED}; 429 → {@code RATE_LIMITED} with
 * {@code Retry-After}; 503 → {@code UNAVAILABLE}; other 5xx and 408 → {@code TRANSIENT}. A transaction Shippo
 * answers with status {@code ERROR} (HTTP 201) is {@code INVALID_REQUEST} with the carrier's message.
 */
public final class ShippoResponseMapper {
    private static final AnswerFields FIELDS = new AnswerFields("Shippo");
    private static final String CARRIER = ShippoConnector.CARRIER;

    private final Clock clock;

    public ShippoResponseMapper() {
        this(Clock.systemUTC());
    }

    public ShippoResponseMapper(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Quotes from a rated shipment; the carriers' rating messages come along as warnings. */
    public RateResult toRateResult(ShippoReply reply) {
        ShippoShipment shipment = toShipment(reply);
        List<Quote> quotes = shipment.rates().stream()
                .map(r -> new Quote(r.objectId(), CARRIER, r.servicelevelToken(), levelOf(r.estimatedDays()), r.price(),
                        r.estimatedDays()))
                .toList();
        return new RateResult(quotes, shipment.messages());
    }

    /** A shipment answer ({@code POST /shipments}). */
    public ShippoShipment toShipment(ShippoReply reply) {
        JsonNode body = successBody(reply);
        List<ShippoShipment.Rate> rates = new ArrayList<>();
        for (JsonNode rate : body.path("rates")) {
            rates.add(rate(rate));
        }
        return new ShippoShipment(FIELDS.requireText(body, "object_id"), text(body, "status"), rates, messages(body.path("messages")));
    }

    /** One rate ({@code GET /rates/{id}}). */
    public ShippoShipment.Rate toRate(ShippoReply reply) {
        return rate(successBody(reply));
    }

    /**
     * The rate of {@code serviceCode} (a service level token, as in our quotes).
     *
     * @throws CarrierException {@code INVALID_REQUEST} on {@code service_code} when Shippo did not offer it
     */
    public ShippoShipment.Rate chooseRate(ShippoShipment shipment, String serviceCode) {
        return shipment.rate(Objects.requireNonNull(serviceCode, "serviceCode")).orElseThrow(() -> {
            StringJoiner offered = new StringJoiner(", ");
            shipment.rates().forEach(r -> offered.add(r.servicelevelToken()));
            return new CarrierException(CarrierErrorKind.INVALID_REQUEST, "Shippo offered no rate " + serviceCode
                    + " for shipment " + shipment.objectId() + " (offered: " + offered + ")",
                    null, "service_code", "service not offered for this shipment", null);
        });
    }

    /** Any transaction answer, read as it is. */
    public ShippoTransaction toTransaction(ShippoReply reply) {
        return transaction(successBody(reply));
    }

    /**
     * The answer to buying a label: the transaction if it succeeded. {@code ERROR} is the carrier refusing the
     * label ({@code INVALID_REQUEST} with its message); {@code QUEUED}/{@code WAITING} despite {@code async: false}
     * is {@code TRANSIENT}: the label may still come, and {@code findBooking} finds it then.
     */
    public ShippoTransaction toPurchase(ShippoReply reply) {
        ShippoTransaction transaction = toTransaction(reply);
        if (transaction.succeeded()) {
            return transaction;
        }
        if ("ERROR".equals(transaction.status())) {
            String words = transaction.messages().stream().map(CarrierMessage::text).filter(Objects::nonNull)
                    .reduce((a, b) -> a + "; " + b).orElse(null);
            String source = transaction.messages().isEmpty() ? null : transaction.messages().get(0).code();
            throw new CarrierException(CarrierErrorKind.INVALID_REQUEST, "Shippo could not buy the label of transaction "
                    + transaction.objectId() + (words == null ? "" : ": " + words), null, source, words, null);
        }
        throw new CarrierException(CarrierErrorKind.TRANSIENT, "Shippo transaction " + transaction.objectId() + " is "
                + transaction.status() + ", not yet a label; look it up with the same key");
    }

    /**
     * The transaction bought under an idempotency key among a page of {@code GET /transactions}: Shippo cannot filter
     * by metadata, so the page (newest first) is searched. Failed and unfinished purchases are no booking.
     */
    public Optional<ShippoTransaction> toFoundTransaction(ShippoReply reply, String idempotencyKey) {
        for (JsonNode result : successBody(reply).path("results")) {
            if (idempotencyKey.equals(text(result, "metadata"))) {
                ShippoTransaction transaction = transaction(result);
                if (transaction.labelUrl() != null && transaction.trackingNumber() != null
                        && (transaction.succeeded() || transaction.refundRequested())) {
                    return Optional.of(transaction);
                }
            }
        }
        return Optional.empty();
    }

    /** The canonical booking of a bought label, with the file the connector downloaded. */
    public BookingResult toBookingResult(ShippoTransaction bought, Money price, String parcelReference, byte[] labelContent) {
        List<CarrierMessage> messages = new ArrayList<>(bought.messages());
        if (bought.refundRequested()) {
            messages.add(new CarrierMessage("shipment_voided", "the label's refund was asked for (" + bought.status() + ")",
                    CarrierMessage.Severity.WARNING));
        }
        return new BookingResult(bought.objectId(), bought.trackingNumber(), price,
                List.of(new Label(parcelReference, bought.labelFormat(), labelContent)), messages);
    }

    /** The answer to {@code POST /refunds}: queued, pending and success are a void; {@code ERROR} fails. */
    public VoidResult toVoidResult(String transactionId, ShippoReply reply) {
        JsonNode body = successBody(reply);
        String status = text(body, "status");
        String voided = Optional.ofNullable(text(body, "transaction")).orElse(transactionId);
        if ("ERROR".equals(status) || status == null) {
            throw new CarrierException(CarrierErrorKind.INVALID_REQUEST, "Shippo refused the refund of " + voided,
                    null, "transaction", "refund status " + status, null);
        }
        return new VoidResult(voided, false, List.of(new CarrierMessage("refund_" + status.toLowerCase(Locale.ROOT),
                "Shippo refund " + status, CarrierMessage.Severity.INFO)));
    }

    /** The void of a transaction whose refund was asked for before: a success that says so. */
    public VoidResult alreadyVoided(ShippoTransaction transaction) {
        return new VoidResult(transaction.objectId(), true, List.of(new CarrierMessage("already_voided",
                "Shippo transaction is " + transaction.status(), CarrierMessage.Severity.INFO)));
    }

    /** A {@code Track} ({@code GET /tracks/{carrier}/{number}}, {@code POST /tracks}). */
    public TrackingResult toTrackingResult(ShippoReply reply) {
        return tracking(successBody(reply));
    }

    /**
     * A {@code track_updated} webhook body → the track's status and history. Check the request's origin (Shippo's
     * IPs, a URL token or its HMAC header) over the raw bytes first; this only reads.
     *
     * @throws IllegalArgumentException if the body is not a track update
     */
    public TrackingResult toTrackingUpdate(byte[] webhookBody) {
        try {
            JsonNode payload = ShippoJson.MAPPER.readTree(webhookBody);
            if (payload == null || !"track_updated".equals(text(payload, "event")) || !payload.path("data").isObject()) {
                throw new IllegalArgumentException("not a Shippo track_updated webhook");
            }
            return tracking(payload.path("data"));
        } catch (IOException | CarrierException unreadable) {
            throw new IllegalArgumentException("unreadable Shippo webhook: " + unreadable.getMessage(), unreadable);
        }
    }

    /** The id of an active {@code track_updated} webhook to {@code url}, from {@code GET /webhooks}. */
    public Optional<String> webhookFor(ShippoReply reply, URI url) {
        for (JsonNode webhook : successBody(reply).path("results")) {
            boolean active = !webhook.path("active").isBoolean() || webhook.path("active").asBoolean();
            if (active && url.toString().equals(text(webhook, "url")) && "track_updated".equals(text(webhook, "event"))) {
                return Optional.ofNullable(text(webhook, "object_id"));
            }
        }
        return Optional.empty();
    }

    /** Checks that a create call (track, webhook) succeeded. */
    public void checkSuccess(ShippoReply reply) {
        successBody(reply);
    }

    /** The exception for an answer that is not a success. */
    public CarrierException toError(ShippoReply reply) {
        int status = reply.status();
        Optional<FieldError> error = carrierError(reply);
        String field = error.map(FieldError::field).orElse(null);
        String carrierMessage = error.map(FieldError::message).orElse(null);
        String message = "Shippo answered " + status + (carrierMessage == null ? "" : ": " + carrierMessage)
                + (field == null ? "" : " (field " + field + ")");
        Duration retryAfter = RetryAfter.parse(reply.retryAfter(), clock.instant()).orElse(null);
        return new CarrierException(kindOf(status), message, retryAfter, field, carrierMessage, null);
    }

    /** The exception for a request that got no answer at all. */
    public CarrierException toError(Throwable transportFailure) {
        return TransportFailures.classify("Shippo", transportFailure);
    }

    /** A label download that did not give the file: the label is bought, so looking it up again is safe. */
    public CarrierException labelDownloadFailed(String transactionId, int status) {
        return new CarrierException(CarrierErrorKind.TRANSIENT, "Shippo label of transaction " + transactionId
                + " could not be downloaded (HTTP " + status + "); the label is bought, find it with the same key");
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

    /** Shippo resells many carriers; the level follows the estimated days: 1 overnight, 2 express, 3–5 standard. */
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

    private static ShippoShipment.Rate rate(JsonNode rate) {
        JsonNode servicelevel = rate.path("servicelevel");
        JsonNode days = rate.path("estimated_days");
        return new ShippoShipment.Rate(FIELDS.requireText(rate, "object_id"), text(rate, "provider"),
                FIELDS.requireText(servicelevel, "token"), text(servicelevel, "name"),
                FIELDS.money(FIELDS.requireText(rate, "amount"), FIELDS.requireText(rate, "currency")),
                days.isIntegralNumber() ? days.intValue() : null, text(rate, "carrier_account"));
    }

    private static ShippoTransaction transaction(JsonNode body) {
        JsonNode rate = body.path("rate");
        String rateId = rate.isTextual() ? rate.asText() : text(rate, "object_id");
        Money price = rate.isObject() && text(rate, "amount") != null && text(rate, "currency") != null
                ? FIELDS.money(text(rate, "amount"), text(rate, "currency")) : null;
        String labelUrl = text(body, "label_url");
        return new ShippoTransaction(FIELDS.requireText(body, "object_id"), text(body, "status"), text(body, "tracking_number"),
                labelUrl == null ? null : URI.create(labelUrl), labelFormat(text(body, "label_file_type"), labelUrl), rateId,
                price, text(body, "metadata"), messages(body.path("messages")));
    }

    private static String labelFormat(String labelFileType, String url) {
        String hint = (labelFileType != null ? labelFileType : url == null ? "" : url).toUpperCase(Locale.ROOT);
        if (hint.contains("ZPL")) {
            return Label.ZPL;
        }
        if (hint.contains("PNG")) {
            return Label.PNG;
        }
        return Label.PDF;
    }

    private static List<CarrierMessage> messages(JsonNode list) {
        List<CarrierMessage> messages = new ArrayList<>();
        for (JsonNode message : list) {
            if (message.isTextual()) {
                messages.add(new CarrierMessage("message", message.asText(), CarrierMessage.Severity.WARNING));
                continue;
            }
            String source = text(message, "source");
            String code = text(message, "code");
            messages.add(new CarrierMessage(source != null ? source : code != null ? code : "message",
                    text(message, "text"), CarrierMessage.Severity.WARNING));
        }
        return messages;
    }

    private static TrackingResult tracking(JsonNode track) {
        String trackingNumber = FIELDS.requireText(track, "tracking_number");
        List<TrackingEvent> events = new ArrayList<>();
        for (JsonNode status : track.path("tracking_history")) {
            events.add(trackingEvent(trackingNumber, status));
        }
        JsonNode current = track.path("tracking_status");
        Milestone milestone = current.isObject()
                ? ShippoStatus.milestoneOf(text(current, "status"), text(current.path("substatus"), "code"))
                : Milestone.UNKNOWN;
        List<CarrierMessage> messages = messages(track.path("messages"));
        return new TrackingResult(trackingNumber, milestone, events, messages);
    }

    /** One {@code TrackingStatus} (a history entry, or the current status of a track or webhook). */
    static TrackingEvent trackingEvent(String trackingNumber, JsonNode status) {
        String code = text(status, "status");
        String substatus = text(status.path("substatus"), "code");
        Milestone milestone = ShippoStatus.milestoneOf(code, substatus);
        String date = Optional.ofNullable(text(status, "status_date")).orElse(text(status, "object_created"));
        if (date == null) {
            throw new CarrierException(CarrierErrorKind.TRANSIENT, "Shippo tracking status lacks status_date");
        }
        Instant occurredAt = FIELDS.instant(date);
        String location = location(status.path("location"));
        ProofOfDelivery proof = milestone == Milestone.DELIVERED ? new ProofOfDelivery(null, occurredAt, location, null) : null;
        return new TrackingEvent(text(status, "object_id"), trackingNumber, milestone,
                substatus == null ? code : code + "/" + substatus, text(status, "status_details"), location, occurredAt, proof);
    }

    private static String location(JsonNode location) {
        StringJoiner joined = new StringJoiner(", ");
        for (String field : List.of("city", "state", "country")) {
            String value = text(location, field);
            if (value != null) {
                joined.add(value);
            }
        }
        return joined.length() == 0 ? null : joined.toString();
    }

    private JsonNode successBody(ShippoReply reply) {
        if (!reply.successful()) {
            throw toError(reply);
        }
        try {
            JsonNode body = ShippoJson.MAPPER.readTree(reply.body());
            if (body == null || !body.isObject()) {
                throw unreadable(reply, null);
            }
            return body;
        } catch (IOException e) {
            throw unreadable(reply, e);
        }
    }

    private static CarrierException unreadable(ShippoReply reply, Throwable cause) {
        return new CarrierException(CarrierErrorKind.TRANSIENT,
                "Shippo answered " + reply.status() + " with an unreadable body", cause);
    }

    private static Optional<FieldError> carrierError(ShippoReply reply) {
        try {
            JsonNode body = ShippoJson.MAPPER.readTree(reply.body());
            if (body == null || !body.isObject()) {
                return Optional.empty();
            }
            if (body.path("detail").isTextual()) {
                return Optional.of(new FieldError(null, body.path("detail").asText()));
            }
            return firstLeaf(body, "");
        } catch (IOException | RuntimeException notJson) {
            // A gateway's HTML error page: the status alone decides.
            return Optional.empty();
        }
    }

    /** The first message in a Django REST error map, with the path of its field. */
    private static Optional<FieldError> firstLeaf(JsonNode node, String path) {
        if (node.isTextual()) {
            return Optional.of(new FieldError(path.isEmpty() || isGeneral(path) ? null : path, node.asText()));
        }
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                JsonNode element = node.get(i);
                Optional<FieldError> leaf = firstLeaf(element, element.isTextual() ? path : path + "[" + i + "]");
                if (leaf.isPresent()) {
                    return leaf;
                }
            }
            return Optional.empty();
        }
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                Optional<FieldError> leaf = firstLeaf(field.getValue(), path.isEmpty() ? field.getKey() : path + "." + field.getKey());
                if (leaf.isPresent()) {
                    return leaf;
                }
            }
        }
        return Optional.empty();
    }

    private static boolean isGeneral(String path) {
        return path.equals("__all__") || path.equals("non_field_errors") || path.equals("detail") || path.equals("messages");
    }


    /** One message of a Shippo error body and the field it is about, or null for the request as a whole. */
    private record FieldError(String field, String message) {
    }
}
