package dev.carrierhub.carriers.easypost;

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
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.StringJoiner;

/**
 * EasyPost answers → canonical results, and failed answers → {@link CarrierException} of the right kind. Pure: no
 * I/O; the clock is only read to turn a {@code Retry-After} date into a wait.
 *
 * <p>Statuses: 400, 404, 409, 422 and other 4xx → {@code INVALID_REQUEST} with EasyPost's first field error
 * ({@code {"error":{"code","message","errors":[{"field","message"}]}}}); 401/403 → {@code AUTH_FAILED}; 402 (no
 * funds, no billing method) → {@code AUTH_FAILED} too, because someone has to fix the account before a retry can
 * help; 429 → {@code RATE_LIMITED} with {@code Retry-After}; 503 → {@code UNAVAILABLE}; other 5xx and 408 →
 * {@code TRANSIENT}.
 */
public final class EasyPostResponseMapper {
    private static final AnswerFields FIELDS = new AnswerFields("EasyPost");
    private static final String CARRIER = EasyPostConnector.CARRIER;

    private final String labelFormat;
    private final Clock clock;

    /** A mapper that picks labels in {@code labelFormat} ({@link Label#PDF}, {@link Label#ZPL}, {@link Label#PNG}). */
    public EasyPostResponseMapper(String labelFormat) {
        this(labelFormat, Clock.systemUTC());
    }

    public EasyPostResponseMapper(String labelFormat, Clock clock) {
        this.labelFormat = Objects.requireNonNull(labelFormat, "labelFormat");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Quotes from a created shipment ({@code rates} plus the carriers' rating errors in {@code messages}), from a
     * stateless rates answer ({@code {"rates": [...]}}) or from one {@code Rate}.
     */
    public RateResult toRateResult(EasyPostReply reply) {
        JsonNode body = successBody(reply);
        List<EasyPostShipment.Rate> rates = "Rate".equals(text(body, "object")) ? List.of(rate(body)) : rates(body);
        List<Quote> quotes = rates.stream()
                .map(r -> new Quote(r.id(), CARRIER, r.serviceCode(), EasyPostUnits.levelOf(r.deliveryDays()), r.price(),
                        r.deliveryDays()))
                .toList();
        return new RateResult(quotes, rateMessages(body));
    }

    /** A shipment answer (create, retrieve, buy, refund). */
    public EasyPostShipment toShipment(EasyPostReply reply) {
        return shipment(successBody(reply));
    }

    /** A shipment looked up by id or reference; a 404 means there is none. */
    public Optional<EasyPostShipment> toFoundShipment(EasyPostReply reply) {
        return reply.status() == 404 ? Optional.empty() : Optional.of(toShipment(reply));
    }

    /**
     * The rate of {@code serviceCode} ({@code <carrier>:<service>}, as in our quotes) among the shipment's rates.
     *
     * @throws CarrierException {@code INVALID_REQUEST} on {@code service_code} when EasyPost did not offer it
     */
    public EasyPostShipment.Rate chooseRate(EasyPostShipment shipment, String serviceCode) {
        Objects.requireNonNull(serviceCode, "serviceCode");
        int colon = serviceCode.indexOf(':');
        Optional<EasyPostShipment.Rate> rate = colon <= 0 ? Optional.empty()
                : shipment.rate(serviceCode.substring(0, colon), serviceCode.substring(colon + 1));
        return rate.orElseThrow(() -> {
            StringJoiner offered = new StringJoiner(", ");
            shipment.rates().forEach(r -> offered.add(r.serviceCode()));
            return new CarrierException(CarrierErrorKind.INVALID_REQUEST,
                    "EasyPost offered no rate " + serviceCode + " for shipment " + shipment.id() + " (offered: " + offered + ")",
                    null, "service_code", "service not offered for this shipment", null);
        });
    }

    /** The canonical booking of a bought shipment, with the label the connector downloaded. */
    public BookingResult toBookingResult(EasyPostShipment purchased, String parcelReference, byte[] labelContent) {
        if (!purchased.purchased()) {
            throw new CarrierException(CarrierErrorKind.TRANSIENT,
                    "EasyPost shipment " + purchased.id() + " has no bought label yet");
        }
        Label label = new Label(parcelReference, purchased.label().format(), labelContent);
        return new BookingResult(purchased.id(), purchased.trackingCode(), purchased.selectedRate().price(), List.of(label),
                List.of());
    }

    /**
     * The answer to a refund request: a {@code Shipment} with its {@code refund_status}, or {@code Refund} objects
     * ({@code POST /refunds}). Submitted and refunded count as voided; {@code not_applicable} (carriers that bill on
     * first scan) too, with a warning; {@code rejected} fails.
     */
    public VoidResult toVoidResult(String shipmentId, EasyPostReply reply) {
        JsonNode body = successBody(reply);
        JsonNode refund = body.isArray() ? body.path(0) : body.path("refunds").isArray() ? body.path("refunds").path(0) : body;
        String status = "Refund".equals(text(refund, "object")) ? text(refund, "status") : text(refund, "refund_status");
        String id = Optional.ofNullable(text(refund, "shipment_id")).orElse(Optional.ofNullable(
                "Shipment".equals(text(refund, "object")) ? text(refund, "id") : null).orElse(shipmentId));
        if (status == null) {
            throw new CarrierException(CarrierErrorKind.TRANSIENT, "EasyPost answered a refund without a refund status");
        }
        return switch (status) {
            case "submitted", "refunded" -> new VoidResult(id, false, List.of(new CarrierMessage("refund_" + status,
                    "EasyPost refund " + status, CarrierMessage.Severity.INFO)));
            case "not_applicable" -> new VoidResult(id, false, List.of(new CarrierMessage("refund_not_applicable",
                    "the carrier bills on first scan, so an unused label costs nothing and needs no refund",
                    CarrierMessage.Severity.WARNING)));
            default -> throw new CarrierException(CarrierErrorKind.INVALID_REQUEST,
                    "EasyPost refund of " + id + " is " + status, null, "refund_status", status, null);
        };
    }

    /** The void of a shipment whose refund was asked for before: a success that says so. */
    public VoidResult alreadyVoided(EasyPostShipment shipment) {
        return new VoidResult(shipment.id(), true, List.of(new CarrierMessage("already_voided",
                "EasyPost refund already " + shipment.refundStatus(), CarrierMessage.Severity.INFO)));
    }

    /**
     * A tracker ({@code GET /trackers/{id}}, {@code POST /trackers}) or a tracker list ({@code GET /trackers});
     * an empty list means EasyPost tracks nothing under that code yet.
     */
    public TrackingResult toTrackingResult(String trackingCode, EasyPostReply reply) {
        JsonNode body = successBody(reply);
        JsonNode tracker = body.has("trackers") ? body.path("trackers").path(0) : body;
        if (tracker.isMissingNode()) {
            return new TrackingResult(trackingCode, Milestone.UNKNOWN, List.of(), List.of(new CarrierMessage(
                    "tracker_not_found", "EasyPost has no tracker for " + trackingCode, CarrierMessage.Severity.WARNING)));
        }
        return tracking(tracker);
    }

    /**
     * A webhook {@code Event} of a tracker ({@code tracker.created}, {@code tracker.updated}) → the tracker's
     * status and history. Verify the {@code X-Hmac-Signature} over the raw bytes first; this only reads.
     *
     * @throws IllegalArgumentException if the body is not a tracker event
     */
    public TrackingResult toTrackingUpdate(byte[] eventBody) {
        try {
            JsonNode event = EasyPostJson.MAPPER.readTree(eventBody);
            if (event == null || !"Event".equals(text(event, "object")) || !"Tracker".equals(text(event.path("result"), "object"))) {
                throw new IllegalArgumentException("not an EasyPost tracker event");
            }
            return tracking(event.path("result"));
        } catch (IOException | CarrierException unreadable) {
            throw new IllegalArgumentException("unreadable EasyPost event: " + unreadable.getMessage(), unreadable);
        }
    }

    /** The id of the account's webhook that posts to {@code url}, from {@code GET /webhooks}. */
    public Optional<String> webhookFor(EasyPostReply reply, URI url) {
        for (JsonNode webhook : successBody(reply).path("webhooks")) {
            boolean enabled = webhook.path("disabled_at").isNull() || webhook.path("disabled_at").isMissingNode();
            if (enabled && url.toString().equals(text(webhook, "url"))) {
                return Optional.ofNullable(text(webhook, "id"));
            }
        }
        return Optional.empty();
    }

    /** Checks that a create call (tracker, webhook) succeeded. */
    public void checkSuccess(EasyPostReply reply) {
        successBody(reply);
    }

    /** The exception for an answer that is not a success. */
    public CarrierException toError(EasyPostReply reply) {
        int status = reply.status();
        Optional<ErrorBody> error = carrierError(reply);
        String field = error.map(ErrorBody::field).orElse(null);
        String carrierMessage = error.map(ErrorBody::message).orElse(null);
        String message = "EasyPost answered " + status + error.map(e -> " " + e.code()).orElse("")
                + (carrierMessage == null ? "" : ": " + carrierMessage)
                + (field == null ? "" : " (field " + field + ")");
        Duration retryAfter = RetryAfter.parse(reply.retryAfter(), clock.instant()).orElse(null);
        return new CarrierException(kindOf(status), message, retryAfter, field, carrierMessage, null);
    }

    /** The exception for a request that got no answer at all. */
    public CarrierException toError(Throwable transportFailure) {
        return TransportFailures.classify("EasyPost", transportFailure);
    }

    /** A label download that did not give the file: the booking exists, so fetching it again is safe. */
    public CarrierException labelDownloadFailed(String shipmentId, int status) {
        return new CarrierException(CarrierErrorKind.TRANSIENT, "EasyPost label of " + shipmentId
                + " could not be downloaded (HTTP " + status + "); the label is bought, book again with the same key");
    }

    static CarrierErrorKind kindOf(int status) {
        if (status == 401 || status == 402 || status == 403) {
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
        // A 1xx or 3xx where a result was expected: a proxy or redirect in the way, worth another try.
        return CarrierErrorKind.TRANSIENT;
    }

    private EasyPostShipment shipment(JsonNode body) {
        if (!"Shipment".equals(text(body, "object")) && text(body, "id") == null) {
            throw new CarrierException(CarrierErrorKind.TRANSIENT, "EasyPost answer is not a shipment");
        }
        JsonNode selected = body.path("selected_rate");
        return new EasyPostShipment(FIELDS.requireText(body, "id"), text(body, "reference"), text(body, "tracking_code"),
                rates(body), selected.isObject() ? rate(selected) : null, labelLink(body.path("postage_label")),
                text(body, "refund_status"), rateMessages(body));
    }

    private static List<EasyPostShipment.Rate> rates(JsonNode body) {
        List<EasyPostShipment.Rate> rates = new ArrayList<>();
        for (JsonNode rate : body.path("rates")) {
            rates.add(rate(rate));
        }
        return rates;
    }

    private static EasyPostShipment.Rate rate(JsonNode rate) {
        JsonNode days = rate.path("delivery_days").isIntegralNumber() ? rate.path("delivery_days") : rate.path("est_delivery_days");
        return new EasyPostShipment.Rate(text(rate, "id"), FIELDS.requireText(rate, "carrier"), FIELDS.requireText(rate, "service"),
                FIELDS.money(FIELDS.requireText(rate, "rate"), FIELDS.requireText(rate, "currency")),
                days.isIntegralNumber() ? days.intValue() : null);
    }

    /** The label file in the wanted format if EasyPost made one, else the default {@code label_url}. */
    private EasyPostShipment.LabelLink labelLink(JsonNode postageLabel) {
        if (!postageLabel.isObject()) {
            return null;
        }
        String wanted = switch (labelFormat) {
            case Label.PDF -> text(postageLabel, "label_pdf_url");
            case Label.ZPL -> text(postageLabel, "label_zpl_url");
            default -> null;
        };
        if (wanted != null) {
            return new EasyPostShipment.LabelLink(URI.create(wanted), labelFormat);
        }
        String url = text(postageLabel, "label_url");
        if (url == null) {
            return null;
        }
        return new EasyPostShipment.LabelLink(URI.create(url), formatOf(text(postageLabel, "label_file_type"), url));
    }

    private static String formatOf(String mimeType, String url) {
        String hint = (mimeType == null ? url : mimeType).toLowerCase(Locale.ROOT);
        if (hint.contains("pdf")) {
            return Label.PDF;
        }
        if (hint.contains("zpl")) {
            return Label.ZPL;
        }
        return Label.PNG;
    }

    private static List<CarrierMessage> rateMessages(JsonNode body) {
        List<CarrierMessage> messages = new ArrayList<>();
        for (JsonNode message : body.path("messages")) {
            String carrier = text(message, "carrier");
            String text = text(message, "message");
            messages.add(new CarrierMessage(Optional.ofNullable(text(message, "type")).orElse("rate_error"),
                    carrier == null ? text : carrier + ": " + text, CarrierMessage.Severity.WARNING));
        }
        return messages;
    }

    private static TrackingResult tracking(JsonNode tracker) {
        String trackingCode = FIELDS.requireText(tracker, "tracking_code");
        String signedBy = text(tracker, "signed_by");
        // EasyPost lists details oldest first; their order is kept as sent, even where the times disagree.
        List<TrackingEvent> events = new ArrayList<>();
        for (JsonNode detail : tracker.path("tracking_details")) {
            events.add(trackingEvent(trackingCode, detail, signedBy));
        }
        return new TrackingResult(trackingCode, EasyPostStatus.milestoneOf(text(tracker, "status")), events, List.of());
    }

    private static TrackingEvent trackingEvent(String trackingCode, JsonNode detail, String signedBy) {
        String status = text(detail, "status");
        String statusDetail = text(detail, "status_detail");
        Milestone milestone = EasyPostStatus.milestoneOf(status);
        Instant occurredAt = FIELDS.instant(FIELDS.requireText(detail, "datetime"));
        String location = location(detail.path("tracking_location"));
        ProofOfDelivery proof = milestone == Milestone.DELIVERED ? new ProofOfDelivery(signedBy, occurredAt, location, null) : null;
        String carrierStatus = statusDetail == null || statusDetail.equals(status) ? status : status + "/" + statusDetail;
        String description = Optional.ofNullable(text(detail, "message")).orElse(text(detail, "description"));
        // EasyPost gives tracking details no id of their own; the tracking code and time identify one.
        return new TrackingEvent(null, trackingCode, milestone, carrierStatus, description, location, occurredAt, proof);
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

    private JsonNode successBody(EasyPostReply reply) {
        if (!reply.successful()) {
            throw toError(reply);
        }
        try {
            JsonNode body = EasyPostJson.MAPPER.readTree(reply.body());
            if (body == null || !(body.isObject() || body.isArray())) {
                throw unreadable(reply, null);
            }
            return body;
        } catch (IOException e) {
            throw unreadable(reply, e);
        }
    }

    private static CarrierException unreadable(EasyPostReply reply, Throwable cause) {
        // A garbled success may hide a bought label: looking it up by reference again is safe.
        return new CarrierException(CarrierErrorKind.TRANSIENT,
                "EasyPost answered " + reply.status() + " with an unreadable body", cause);
    }

    private static Optional<ErrorBody> carrierError(EasyPostReply reply) {
        try {
            JsonNode error = EasyPostJson.MAPPER.readTree(reply.body()).path("error");
            if (!error.isObject()) {
                return Optional.empty();
            }
            String message = joined(error.path("message"));
            String field = null;
            String fieldMessage = null;
            for (JsonNode fieldError : error.path("errors")) {
                // EasyPost documents "errors" as field objects or as plain strings.
                if (fieldError.isObject() && text(fieldError, "field") != null) {
                    field = text(fieldError, "field");
                    fieldMessage = text(fieldError, "message");
                    break;
                }
                if (fieldError.isTextual() && message == null) {
                    message = fieldError.asText();
                }
            }
            return Optional.of(new ErrorBody(Optional.ofNullable(text(error, "code")).orElse("error"),
                    fieldMessage != null ? fieldMessage : message, field));
        } catch (IOException | RuntimeException notJson) {
            // A gateway's HTML error page: the status alone decides.
            return Optional.empty();
        }
    }

    /** A message EasyPost sometimes sends as an array of strings. */
    private static String joined(JsonNode message) {
        if (message.isArray()) {
            StringJoiner joined = new StringJoiner(", ");
            message.forEach(part -> joined.add(part.asText()));
            return joined.length() == 0 ? null : joined.toString();
        }
        return message.isValueNode() && !message.isNull() ? message.asText() : null;
    }


    /** The {@code error} object of an EasyPost error answer. */
    private record ErrorBody(String code, String message, String field) {
    }
}
