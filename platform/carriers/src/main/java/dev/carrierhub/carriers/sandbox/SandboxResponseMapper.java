package dev.carrierhub.carriers.sandbox;

import dev.carrierhub.carriers.http.TransportFailures;

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
import dev.carrierhub.contracts.events.Milestone;
import dev.carrierhub.contracts.events.ProofOfDelivery;
import dev.carrierhub.contracts.events.Quote;
import dev.carrierhub.contracts.shipment.Money;
import dev.carrierhub.contracts.shipment.ServiceLevel;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Sandbox answers → canonical results, and failed answers → {@link CarrierException} of the right kind.
 * Pure: no I/O; the clock is only read to turn a {@code Retry-After} date into a wait.
 *
 * <p>Statuses: 400, 404, 409, 413, 422 and other 4xx → {@code INVALID_REQUEST} (with the carrier's field
 * and message); 401/403 → {@code AUTH_FAILED}; 429 → {@code RATE_LIMITED}; 503 → {@code UNAVAILABLE};
 * other 5xx and 408 → {@code TRANSIENT}. Transport: request timeout and broken connections →
 * {@code TRANSIENT}; refused or timed-out connects and unknown hosts → {@code UNAVAILABLE}.
 */
public final class SandboxResponseMapper {
    private final Clock clock;

    public SandboxResponseMapper() {
        this(Clock.systemUTC());
    }

    public SandboxResponseMapper(Clock clock) {
        this.clock = clock;
    }

    public RateResult toRateResult(SandboxReply reply) {
        JsonNode body = successBody(reply);
        List<Quote> quotes = new ArrayList<>();
        for (JsonNode rate : body.path("rates")) {
            String serviceCode = requireText(rate, "service_code");
            ServiceLevel level = SandboxService.ofCode(serviceCode).map(SandboxService::serviceLevel).orElse(null);
            Integer transitDays = rate.path("transit_days").isIntegralNumber() ? rate.path("transit_days").intValue() : null;
            quotes.add(new Quote(optionalText(rate, "id"), SandboxConnector.CARRIER, serviceCode, level,
                    money(rate.path("rate")), transitDays));
        }
        return new RateResult(quotes, messages(body));
    }

    public BookingResult toBookingResult(SandboxReply reply) {
        return booking(successBody(reply));
    }

    /** The booking found by idempotency key; a 404 means there is none. */
    public Optional<BookingResult> toFoundBooking(SandboxReply reply) {
        if (reply.status() == 404) {
            return Optional.empty();
        }
        return Optional.of(booking(successBody(reply)));
    }

    /** A void; a 409 (already voided) is a success too, so a redelivered cancel does not fail. */
    public VoidResult toVoidResult(String carrierShipmentId, SandboxReply reply) {
        if (reply.status() == 409) {
            return new VoidResult(carrierShipmentId, true, List.of(new CarrierMessage("already_voided",
                    carrierError(reply).map(e -> e.message).orElse("the label was already voided"),
                    CarrierMessage.Severity.INFO)));
        }
        JsonNode body = successBody(reply);
        String voidedId = Optional.ofNullable(optionalText(body, "id")).orElse(carrierShipmentId);
        return new VoidResult(voidedId, false, messages(body));
    }

    public TrackingResult toTrackingResult(SandboxReply reply) {
        JsonNode body = successBody(reply);
        String trackingNumber = requireText(body, "tracking_number");
        List<TrackingEvent> events = new ArrayList<>();
        for (JsonNode event : body.path("events")) {
            events.add(trackingEvent(trackingNumber, event));
        }
        return new TrackingResult(trackingNumber, milestone(optionalText(body, "status")), events, messages(body));
    }

    /** Checks that a tracker registration was accepted (201, or 200 when it existed already). */
    public void checkTrackerRegistered(SandboxReply reply) {
        successBody(reply);
    }

    /**
     * A pushed callback body → a canonical tracking event. Verify the signature over the raw bytes with
     * {@link SandboxSignature} first; this only reads.
     *
     * @throws IllegalArgumentException if the body is not a sandbox callback
     */
    public TrackingEvent toTrackingEvent(byte[] callbackBody) {
        try {
            JsonNode body = SandboxJson.MAPPER.readTree(callbackBody);
            if (body == null || !body.isObject()) {
                throw new IllegalArgumentException("a sandbox callback is a JSON object");
            }
            return trackingEvent(requireText(body, "tracking_number"), body);
        } catch (IOException | CarrierException unreadable) {
            throw new IllegalArgumentException("unreadable sandbox callback: " + unreadable.getMessage(), unreadable);
        }
    }

    /** The exception for an answer that is not a success. */
    public CarrierException toError(SandboxReply reply) {
        int status = reply.status();
        Optional<ErrorBody> error = carrierError(reply);
        String field = error.map(e -> e.field).orElse(null);
        String carrierMessage = error.map(e -> e.message).orElse(null);
        String message = "sandbox answered " + status + error.map(e -> " " + e.code).orElse("")
                + (carrierMessage == null ? "" : ": " + carrierMessage)
                + (field == null ? "" : " (field " + field + ")");
        Duration retryAfter = RetryAfter.parse(reply.retryAfter(), clock.instant()).orElse(null);
        return new CarrierException(kindOf(status), message, retryAfter, field, carrierMessage, null);
    }

    /** The exception for a request that got no answer at all. */
    public CarrierException toError(Throwable transportFailure) {
        return TransportFailures.classify("sandbox", transportFailure);
    }

    private static CarrierErrorKind kindOf(int status) {
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
        // A 1xx or 3xx where a result was expected: a proxy or redirect in the way, worth another try.
        return CarrierErrorKind.TRANSIENT;
    }

    private JsonNode successBody(SandboxReply reply) {
        if (!reply.successful()) {
            throw toError(reply);
        }
        try {
            JsonNode body = SandboxJson.MAPPER.readTree(reply.body());
            if (body == null || !body.isObject()) {
                throw unreadable(reply, null);
            }
            return body;
        } catch (IOException e) {
            throw unreadable(reply, e);
        }
    }

    private static CarrierException unreadable(SandboxReply reply, Throwable cause) {
        // A garbled success may hide a completed booking: retrying with the same idempotency key is safe.
        return new CarrierException(CarrierErrorKind.TRANSIENT,
                "sandbox answered " + reply.status() + " with an unreadable body", cause);
    }

    private static BookingResult booking(JsonNode body) {
        List<Label> labels = new ArrayList<>();
        for (JsonNode label : body.path("labels")) {
            byte[] content;
            try {
                content = Base64.getDecoder().decode(requireText(label, "content_base64"));
            } catch (IllegalArgumentException notBase64) {
                throw new CarrierException(CarrierErrorKind.TRANSIENT, "sandbox sent a label that is not base64", notBase64);
            }
            labels.add(new Label(optionalText(label, "parcel_reference"),
                    optionalText(label, "format") == null ? Label.PDF : label.path("format").asText().toUpperCase(Locale.ROOT),
                    content));
        }
        List<CarrierMessage> messages = messages(body);
        if ("voided".equals(optionalText(body, "status"))) {
            messages.add(new CarrierMessage("shipment_voided", "this booking has been voided",
                    CarrierMessage.Severity.WARNING));
        }
        return new BookingResult(requireText(body, "id"), requireText(body, "tracking_number"), money(body.path("rate")),
                labels, messages);
    }

    private static TrackingEvent trackingEvent(String trackingNumber, JsonNode event) {
        String status = optionalText(event, "status");
        Milestone milestone = milestone(status);
        Instant occurredAt = instant(event, "occurred_at");
        String location = optionalText(event, "location");
        String signedBy = optionalText(event, "signed_by");
        ProofOfDelivery proof = milestone == Milestone.DELIVERED
                ? new ProofOfDelivery(signedBy, occurredAt, location, null) : null;
        return new TrackingEvent(optionalText(event, "event_id"), trackingNumber, milestone, status,
                optionalText(event, "description"), location, occurredAt, proof);
    }

    private static Milestone milestone(String status) {
        return status == null ? Milestone.UNKNOWN
                : SandboxStatus.ofWireName(status).map(SandboxStatus::milestone).orElse(Milestone.UNKNOWN);
    }

    private static List<CarrierMessage> messages(JsonNode body) {
        List<CarrierMessage> messages = new ArrayList<>();
        for (JsonNode message : body.path("messages")) {
            messages.add(new CarrierMessage(message.path("code").asText("unknown"), optionalText(message, "message"),
                    severity(optionalText(message, "severity"))));
        }
        return messages;
    }

    private static CarrierMessage.Severity severity(String severity) {
        if ("info".equals(severity)) {
            return CarrierMessage.Severity.INFO;
        }
        if ("error".equals(severity)) {
            return CarrierMessage.Severity.ERROR;
        }
        return CarrierMessage.Severity.WARNING;
    }

    private static Money money(JsonNode money) {
        String amount = requireText(money, "amount");
        try {
            return new Money(new BigDecimal(amount), requireText(money, "currency"));
        } catch (IllegalArgumentException badAmount) {
            throw new CarrierException(CarrierErrorKind.TRANSIENT, "sandbox sent an unreadable amount: " + amount, badAmount);
        }
    }

    private static Instant instant(JsonNode node, String field) {
        String text = requireText(node, field);
        try {
            return Instant.parse(text);
        } catch (RuntimeException unreadable) {
            throw new CarrierException(CarrierErrorKind.TRANSIENT, "sandbox sent an unreadable " + field + ": " + text,
                    unreadable);
        }
    }

    private static String requireText(JsonNode node, String field) {
        String value = optionalText(node, field);
        if (value == null) {
            throw new CarrierException(CarrierErrorKind.TRANSIENT, "sandbox answer lacks " + field);
        }
        return value;
    }

    private static String optionalText(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isValueNode() && !value.isNull() && !value.asText().isEmpty() ? value.asText() : null;
    }

    private static Optional<ErrorBody> carrierError(SandboxReply reply) {
        try {
            JsonNode error = SandboxJson.MAPPER.readTree(reply.body()).path("error");
            if (!error.isObject()) {
                return Optional.empty();
            }
            return Optional.of(new ErrorBody(error.path("code").asText("error"), optionalText(error, "message"),
                    optionalText(error, "field")));
        } catch (IOException | RuntimeException notJson) {
            // A gateway's HTML error page: the status alone decides.
            return Optional.empty();
        }
    }


    /** The {@code error} object of a sandbox error answer. */
    private record ErrorBody(String code, String message, String field) {
    }
}
