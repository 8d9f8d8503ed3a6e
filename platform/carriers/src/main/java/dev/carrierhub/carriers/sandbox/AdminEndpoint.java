package dev.carrierhub.carriers.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;

/**
 * {@code /admin}: the test and benchmark control plane. It reads and sets the misbehaviour switches,
 * reports counts, and pushes a tracking event on demand. It never misbehaves itself.
 */
final class AdminEndpoint {
    private final SandboxBehaviour behaviour;
    private final BookingLedger ledger;
    private final TrackerDispatcher dispatcher;
    private final Supplier<SandboxStats> stats;
    private final Clock clock;

    AdminEndpoint(SandboxBehaviour behaviour, BookingLedger ledger, TrackerDispatcher dispatcher,
            Supplier<SandboxStats> stats, Clock clock) {
        this.behaviour = behaviour;
        this.ledger = ledger;
        this.dispatcher = dispatcher;
        this.stats = stats;
        this.clock = clock;
    }

    ApiReply behaviour(ApiRequest request, List<String> pathParams) {
        return ApiReply.of(200, behaviourJson());
    }

    /** Changes only the switches present in the body; all values are checked before any is applied. */
    ApiReply changeBehaviour(ApiRequest request, List<String> pathParams) throws ApiError {
        JsonNode body = request.json();
        Long latencyMs = optionalLong(body, "latency_ms");
        Double failureRate = optionalShare(body, "failure_rate");
        Double rateLimitRate = optionalShare(body, "rate_limit_rate");
        Long retryAfterSeconds = optionalLong(body, "retry_after_seconds");
        Boolean outage = optionalBoolean(body, "outage");
        Boolean hang = optionalBoolean(body, "hang");
        Long seed = body.has("seed") ? requireLong(body, "seed", Long.MIN_VALUE) : null;
        if (latencyMs != null) {
            behaviour.latency(Duration.ofMillis(latencyMs));
        }
        if (failureRate != null) {
            behaviour.failureRate(failureRate);
        }
        if (rateLimitRate != null) {
            behaviour.rateLimitRate(rateLimitRate);
        }
        if (retryAfterSeconds != null) {
            behaviour.retryAfter(Duration.ofSeconds(retryAfterSeconds));
        }
        if (outage != null) {
            behaviour.outage(outage);
        }
        if (seed != null) {
            behaviour.seed(seed);
        }
        if (Boolean.TRUE.equals(hang)) {
            behaviour.hang();
        } else if (Boolean.FALSE.equals(hang)) {
            behaviour.release();
        }
        return ApiReply.of(200, behaviourJson());
    }

    ApiReply stats(ApiRequest request, List<String> pathParams) {
        return ApiReply.of(200, stats.get().toJson());
    }

    /** {@code POST /admin/trackers/{trackingNumber}/events {status, description?, location?, signed_by?}}. */
    ApiReply pushEvent(ApiRequest request, List<String> pathParams) throws ApiError {
        JsonNode body = request.json();
        Booking booking = ledger.byTrackingNumber(pathParams.get(0))
                .orElseThrow(() -> ApiError.notFound("tracking number"));
        String statusText = body.path("status").asText("");
        SandboxStatus status = SandboxStatus.ofWireName(statusText)
                .orElseThrow(() -> ApiError.invalid("status", "unknown status '" + statusText + "'"));
        ParsedShipment shipment = booking.shipment();
        SandboxEvent event = SandboxEvent.of(status,
                body.path("description").asText("Status changed to " + status.wireName()),
                body.path("location").asText(Booking.place(shipment.shipToCity(), shipment.shipToCountry())),
                clock.instant(),
                body.path("signed_by").asText("RECIPIENT"));
        // Without a registered tracker the event is only recorded: a client that polls finds it on its next look-up.
        booking.tracker().ifPresentOrElse(tracker -> dispatcher.emit(booking, tracker, event), () -> booking.record(event));
        return ApiReply.of(202, SandboxJson.MAPPER.createObjectNode().put("event_id", event.eventId()));
    }

    private ObjectNode behaviourJson() {
        return SandboxJson.MAPPER.createObjectNode()
                .put("latency_ms", behaviour.latency().toMillis())
                .put("hang", behaviour.hanging())
                .put("failure_rate", behaviour.failureRate())
                .put("rate_limit_rate", behaviour.rateLimitRate())
                .put("retry_after_seconds", behaviour.retryAfter().toSeconds())
                .put("outage", behaviour.outage());
    }

    private static Long optionalLong(JsonNode body, String field) throws ApiError {
        return body.has(field) ? requireLong(body, field, 0) : null;
    }

    private static long requireLong(JsonNode body, String field, long min) throws ApiError {
        JsonNode value = body.get(field);
        if (!value.canConvertToLong() || !value.isIntegralNumber() || value.asLong() < min) {
            throw ApiError.invalid(field, field + " must be a whole number of at least " + min);
        }
        return value.asLong();
    }

    private static Double optionalShare(JsonNode body, String field) throws ApiError {
        if (!body.has(field)) {
            return null;
        }
        JsonNode value = body.get(field);
        if (!value.isNumber() || value.asDouble() < 0 || value.asDouble() > 1) {
            throw ApiError.invalid(field, field + " must be a number within 0..1");
        }
        return value.asDouble();
    }

    private static Boolean optionalBoolean(JsonNode body, String field) throws ApiError {
        if (!body.has(field)) {
            return null;
        }
        if (!body.get(field).isBoolean()) {
            throw ApiError.invalid(field, field + " must be true or false");
        }
        return body.get(field).asBoolean();
    }
}
