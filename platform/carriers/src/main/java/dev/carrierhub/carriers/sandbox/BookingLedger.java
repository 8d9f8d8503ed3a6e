package dev.carrierhub.carriers.sandbox;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Every booking the sandbox made, found by idempotency key, id or tracking number. */
final class BookingLedger {
    private final Map<String, Booking> byKey = new ConcurrentHashMap<>();
    private final Map<String, Booking> byId = new ConcurrentHashMap<>();
    private final Map<String, Booking> byTrackingNumber = new ConcurrentHashMap<>();

    /**
     * Stores {@code candidate} unless its idempotency key is taken; returns the booking that holds the key.
     * Two concurrent requests with one key thus make one booking.
     */
    Booking claim(Booking candidate) {
        Booking existing = byKey.putIfAbsent(candidate.idempotencyKey(), candidate);
        if (existing != null) {
            return existing;
        }
        byId.put(candidate.id(), candidate);
        byTrackingNumber.put(candidate.trackingNumber(), candidate);
        return candidate;
    }

    Optional<Booking> byIdempotencyKey(String key) {
        return Optional.ofNullable(byKey.get(key));
    }

    Optional<Booking> byId(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    Optional<Booking> byTrackingNumber(String trackingNumber) {
        return Optional.ofNullable(byTrackingNumber.get(trackingNumber));
    }

    /** The number of distinct bookings (one per idempotency key). */
    long size() {
        return byKey.size();
    }
}
