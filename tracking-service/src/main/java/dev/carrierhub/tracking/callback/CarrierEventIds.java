package dev.carrierhub.tracking.callback;

import dev.carrierhub.carriers.TrackingEvent;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The id that de-duplicates an event: the carrier's own where it gives one, else a digest of what makes
 * the event itself (tracking number, status, time, place), so a re-sent copy still collapses into one.
 */
public final class CarrierEventIds {
    private static final int MAX_LENGTH = 200;

    private CarrierEventIds() {
    }

    public static String of(TrackingEvent event) {
        if (event.eventId() != null && !event.eventId().isBlank()) {
            // The column holds 200 characters; a longer carrier id is kept unique through its digest.
            return event.eventId().length() <= MAX_LENGTH ? event.eventId() : digest(event.eventId());
        }
        return digest(String.join("\n", event.trackingNumber(), String.valueOf(event.carrierStatus()),
                event.occurredAt().toString(), String.valueOf(event.location())));
    }

    private static String digest(String identity) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(identity.getBytes(StandardCharsets.UTF_8));
            return "sha256:" + HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }
}
