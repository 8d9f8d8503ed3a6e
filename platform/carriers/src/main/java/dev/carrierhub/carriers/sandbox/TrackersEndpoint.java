package dev.carrierhub.carriers.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

/**
 * {@code POST /v1/trackers}: subscribes a callback URL to one tracking number and starts its scripted
 * journey. Registering again returns the existing tracker (200) and starts nothing new.
 */
final class TrackersEndpoint {
    private final BookingLedger ledger;
    private final TrackerDispatcher dispatcher;
    private final Clock clock;

    TrackersEndpoint(BookingLedger ledger, TrackerDispatcher dispatcher, Clock clock) {
        this.ledger = ledger;
        this.dispatcher = dispatcher;
        this.clock = clock;
    }

    ApiReply register(ApiRequest request, List<String> pathParams) throws ApiError {
        JsonNode body = request.json();
        String trackingNumber = body.path("tracking_number").asText("");
        if (trackingNumber.isBlank()) {
            throw ApiError.invalid("tracking_number", "tracking_number is required");
        }
        URI callbackUrl = callbackUrl(body.path("callback_url").asText(""));
        Booking booking = ledger.byTrackingNumber(trackingNumber)
                .orElseThrow(() -> ApiError.notFound("tracking number"));
        Tracker candidate = new Tracker("trk_" + UUID.randomUUID().toString().replace("-", ""), trackingNumber,
                callbackUrl, clock.instant().truncatedTo(ChronoUnit.MILLIS));
        Tracker tracker = booking.attachTracker(candidate);
        if (tracker != candidate) {
            return ApiReply.of(200, tracker.toJson());
        }
        dispatcher.startJourney(booking, tracker);
        return ApiReply.of(201, tracker.toJson());
    }

    private static URI callbackUrl(String text) throws ApiError {
        try {
            URI uri = URI.create(text);
            if (uri.getHost() != null && ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
                return uri;
            }
        } catch (IllegalArgumentException unreadable) {
            // Refused below, like any other unusable URL.
        }
        throw ApiError.invalid("callback_url", "an absolute http(s) callback_url is required");
    }
}
