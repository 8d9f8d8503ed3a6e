package dev.carrierhub.carriers.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

/**
 * {@code /v1/shipments}: books with an idempotency key (the same key returns the first booking with 200
 * instead of 201; the same key with another request is refused, as Stripe-style APIs do), finds a booking
 * by key, and voids.
 */
final class ShipmentsEndpoint {
    static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    private static final int MAX_KEY_LENGTH = 255;

    private final BookingLedger ledger;
    private final TrackingNumbers trackingNumbers;
    private final LabelRenderer labels;
    private final SandboxCounters counters;
    private final Clock clock;

    ShipmentsEndpoint(BookingLedger ledger, TrackingNumbers trackingNumbers, LabelRenderer labels,
            SandboxCounters counters, Clock clock) {
        this.ledger = ledger;
        this.trackingNumbers = trackingNumbers;
        this.labels = labels;
        this.counters = counters;
        this.clock = clock;
    }

    ApiReply book(ApiRequest request, List<String> pathParams) throws ApiError {
        counters.bookingRequests.incrementAndGet();
        String key = request.header(IDEMPOTENCY_KEY).map(String::trim).orElse("");
        if (key.isEmpty() || key.length() > MAX_KEY_LENGTH) {
            throw new ApiError(400, "idempotency_key_required",
                    "an Idempotency-Key header of 1 to " + MAX_KEY_LENGTH + " characters is required");
        }
        JsonNode body = request.json();
        int fingerprint = body.hashCode();
        Booking existing = ledger.byIdempotencyKey(key).orElse(null);
        if (existing != null) {
            return replay(existing, fingerprint);
        }
        ParsedShipment shipment = ShipmentRequestReader.read(body);
        String serviceCode = body.path("service_code").asText("");
        SandboxTariff tariff = SandboxTariff.ofServiceCode(serviceCode)
                .filter(offered -> SandboxTariff.offeredFor(shipment).contains(offered))
                .orElseThrow(() -> ApiError.invalid("service_code",
                        "service '" + serviceCode + "' is not offered for this shipment"));
        Booking candidate = new Booking("shp_" + UUID.randomUUID().toString().replace("-", ""), key, fingerprint,
                trackingNumbers.next(), tariff, shipment, now());
        Booking booked = ledger.claim(candidate);
        return booked == candidate ? ApiReply.of(201, toJson(booked)) : replay(booked, fingerprint);
    }

    ApiReply findByIdempotencyKey(ApiRequest request, List<String> pathParams) throws ApiError {
        String key = request.query().getOrDefault("idempotency_key", "");
        if (key.isEmpty()) {
            throw new ApiError(400, "idempotency_key_required", "the idempotency_key query parameter is required");
        }
        Booking booking = ledger.byIdempotencyKey(key).orElseThrow(() -> ApiError.notFound("shipment"));
        return ApiReply.of(200, toJson(booking));
    }

    ApiReply get(ApiRequest request, List<String> pathParams) throws ApiError {
        Booking booking = ledger.byId(pathParams.get(0)).orElseThrow(() -> ApiError.notFound("shipment"));
        return ApiReply.of(200, toJson(booking));
    }

    ApiReply voidShipment(ApiRequest request, List<String> pathParams) throws ApiError {
        Booking booking = ledger.byId(pathParams.get(0)).orElseThrow(() -> ApiError.notFound("shipment"));
        if (!booking.voidAt(now())) {
            throw new ApiError(409, "already_voided", "shipment " + booking.id() + " is already voided");
        }
        counters.voids.incrementAndGet();
        ObjectNode body = SandboxJson.MAPPER.createObjectNode()
                .put("id", booking.id())
                .put("status", "voided")
                .put("voided_at", booking.voidedAt().orElseThrow().toString());
        return ApiReply.of(200, body);
    }

    private ApiReply replay(Booking booking, int fingerprint) throws ApiError {
        if (booking.requestFingerprint() != fingerprint) {
            throw new ApiError(422, "idempotency_key_reused",
                    "this Idempotency-Key was used for a different request", "Idempotency-Key");
        }
        return ApiReply.of(200, toJson(booking));
    }

    private ObjectNode toJson(Booking booking) {
        ObjectNode json = SandboxJson.MAPPER.createObjectNode()
                .put("id", booking.id())
                .put("status", booking.voidedAt().isPresent() ? "voided" : "booked")
                .put("tracking_number", booking.trackingNumber())
                .put("service_code", booking.tariff().serviceCode());
        if (booking.shipment().reference() != null) {
            json.put("reference", booking.shipment().reference());
        }
        json.set("rate", SandboxJson.MAPPER.createObjectNode()
                .put("amount", booking.price().toPlainString())
                .put("currency", booking.shipment().currency()));
        ArrayNode labelArray = json.putArray("labels");
        List<ParsedShipment.Parcel> parcels = booking.shipment().parcels();
        for (int i = 0; i < parcels.size(); i++) {
            labelArray.addObject()
                    .put("parcel_reference", parcels.get(i).reference())
                    .put("format", "PDF")
                    .put("content_base64", Base64.getEncoder().encodeToString(labels.render(booking, i)));
        }
        ArrayNode messages = json.putArray("messages");
        booking.notices().forEach(notice -> messages.add(notice.toJson()));
        json.put("created_at", booking.createdAt().toString());
        booking.voidedAt().ifPresent(voided -> json.put("voided_at", voided.toString()));
        return json;
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
