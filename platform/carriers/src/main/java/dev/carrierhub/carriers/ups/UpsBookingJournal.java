package dev.carrierhub.carriers.ups;

import dev.carrierhub.carriers.BookingResult;
import dev.carrierhub.carriers.CarrierMessage;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The bookings this connector made, by idempotency key: what {@link UpsConnector#findBooking} can answer,
 * since UPS itself cannot be asked for a booking (with its price and labels) by key. It lives in memory,
 * so it knows the bookings of this process only, for {@link #RETENTION} and at most {@link #CAPACITY} of
 * them (labels are tens of kilobytes each).
 */
final class UpsBookingJournal {
    static final int CAPACITY = 512;
    static final Duration RETENTION = Duration.ofHours(6);

    private final Clock clock;
    private final Map<String, Entry> byKey = new LinkedHashMap<>();

    UpsBookingJournal(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * @param fingerprint identifies the request the booking answered, so the key cannot be reused for another
     */
    synchronized void record(String idempotencyKey, String fingerprint, BookingResult booking) {
        expire();
        byKey.remove(idempotencyKey);
        byKey.put(idempotencyKey, new Entry(booking, fingerprint, clock.instant(), false));
        while (byKey.size() > CAPACITY) {
            Iterator<String> oldest = byKey.keySet().iterator();
            oldest.next();
            oldest.remove();
        }
    }

    /** The booking made under the key; a voided one carries a {@code shipment_voided} warning. */
    synchronized Optional<BookingResult> find(String idempotencyKey) {
        return recorded(idempotencyKey).map(Recorded::booking);
    }

    /** The booking made under the key with the fingerprint of its request. */
    synchronized Optional<Recorded> recorded(String idempotencyKey) {
        expire();
        Entry entry = byKey.get(idempotencyKey);
        if (entry == null) {
            return Optional.empty();
        }
        return Optional.of(new Recorded(entry.voided() ? voided(entry.booking()) : entry.booking(), entry.fingerprint()));
    }

    private static BookingResult voided(BookingResult booking) {
        List<CarrierMessage> messages = new ArrayList<>(booking.messages());
        messages.add(new CarrierMessage("shipment_voided", "this booking has been voided", CarrierMessage.Severity.WARNING));
        return new BookingResult(booking.carrierShipmentId(), booking.trackingNumber(), booking.price(),
                booking.labels(), messages);
    }

    synchronized void markVoided(String carrierShipmentId) {
        byKey.replaceAll((key, entry) -> entry.booking().carrierShipmentId().equalsIgnoreCase(carrierShipmentId)
                ? new Entry(entry.booking(), entry.fingerprint(), entry.bookedAt(), true) : entry);
    }

    private void expire() {
        Instant horizon = clock.instant().minus(RETENTION);
        byKey.values().removeIf(entry -> entry.bookedAt().isBefore(horizon));
    }

    /** A recorded booking and the fingerprint of the request that made it. */
    record Recorded(BookingResult booking, String fingerprint) {
    }

    private record Entry(BookingResult booking, String fingerprint, Instant bookedAt, boolean voided) {
    }
}
