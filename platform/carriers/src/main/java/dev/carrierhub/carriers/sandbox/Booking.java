package dev.carrierhub.carriers.sandbox;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One shipment the sandbox booked. The request is kept as parsed data and a fingerprint, not as labels:
 * labels are re-rendered on demand (the renderer is deterministic), so a long benchmark does not hold
 * every PDF in memory.
 */
final class Booking {
    private final String id;
    private final String idempotencyKey;
    private final int requestFingerprint;
    private final String trackingNumber;
    private final SandboxTariff tariff;
    private final BigDecimal price;
    private final ParsedShipment shipment;
    private final List<Notice> notices;
    private final Instant createdAt;
    private final AtomicReference<Instant> voidedAt = new AtomicReference<>();
    private final AtomicReference<Tracker> tracker = new AtomicReference<>();
    private final List<SandboxEvent> events = new ArrayList<>();

    Booking(String id, String idempotencyKey, int requestFingerprint, String trackingNumber, SandboxTariff tariff,
            ParsedShipment shipment, Instant createdAt) {
        this.id = id;
        this.idempotencyKey = idempotencyKey;
        this.requestFingerprint = requestFingerprint;
        this.trackingNumber = trackingNumber;
        this.tariff = tariff;
        this.price = tariff.price(shipment);
        this.shipment = shipment;
        this.notices = SandboxTariff.noticesFor(shipment);
        this.createdAt = createdAt;
        events.add(SandboxEvent.of(SandboxStatus.PRE_TRANSIT, "Label created, awaiting pickup",
                place(shipment.shipFromCity(), shipment.shipFromCountry()), createdAt, null));
    }

    String id() {
        return id;
    }

    String idempotencyKey() {
        return idempotencyKey;
    }

    int requestFingerprint() {
        return requestFingerprint;
    }

    String trackingNumber() {
        return trackingNumber;
    }

    SandboxTariff tariff() {
        return tariff;
    }

    BigDecimal price() {
        return price;
    }

    ParsedShipment shipment() {
        return shipment;
    }

    List<Notice> notices() {
        return notices;
    }

    Instant createdAt() {
        return createdAt;
    }

    Optional<Instant> voidedAt() {
        return Optional.ofNullable(voidedAt.get());
    }

    /** Voids the booking; false if it already was. */
    boolean voidAt(Instant when) {
        return voidedAt.compareAndSet(null, when);
    }

    Optional<Tracker> tracker() {
        return Optional.ofNullable(tracker.get());
    }

    /** Attaches the tracker unless one is attached already; returns the one that holds. */
    Tracker attachTracker(Tracker candidate) {
        return tracker.compareAndExchange(null, candidate) == null ? candidate : tracker.get();
    }

    void record(SandboxEvent event) {
        synchronized (events) {
            events.add(event);
        }
    }

    List<SandboxEvent> events() {
        synchronized (events) {
            return List.copyOf(events);
        }
    }

    static String place(String city, String country) {
        return city + ", " + country;
    }
}
