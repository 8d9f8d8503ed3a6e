package dev.carrierhub.carriers.sandbox;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/** {@code GET /v1/tracking/{trackingNumber}}: the latest status and every event, oldest first. */
final class TrackingEndpoint {
    private final BookingLedger ledger;

    TrackingEndpoint(BookingLedger ledger) {
        this.ledger = ledger;
    }

    ApiReply status(ApiRequest request, List<String> pathParams) throws ApiError {
        Booking booking = ledger.byTrackingNumber(pathParams.get(0))
                .orElseThrow(() -> ApiError.notFound("tracking number"));
        List<SandboxEvent> events = booking.events();
        ObjectNode body = SandboxJson.MAPPER.createObjectNode()
                .put("tracking_number", booking.trackingNumber())
                .put("status", events.get(events.size() - 1).status().wireName());
        ArrayNode list = body.putArray("events");
        events.forEach(event -> list.add(event.toJson()));
        return ApiReply.of(200, body);
    }
}
