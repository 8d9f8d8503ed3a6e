package dev.carrierhub.launcher;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The sandbox callbacks of the tracking benchmark, in the order they are sent: each shipment's journey in
 * carrier order ({@code in_transit} scans, then {@code out_for_delivery}, then {@code delivered} with a
 * signer), the shipments taken in turn, so one shipment's callbacks are a whole round apart and never
 * wait for each other's row lock. Every {@value #DUPLICATE_EVERY}th callback is a carrier's re-delivery of
 * one sent about {@code gap} callbacks earlier: the same body (same event id), which must be answered 202
 * and kept as a duplicate, not as a second event.
 */
final class TrackingCallbackPlan {
    /** One callback in twenty is a re-delivery: 5 %. */
    static final int DUPLICATE_EVERY = 20;
    private static final Instant FIRST_SCAN = Instant.parse("2026-11-01T06:00:00Z");
    private static final Duration BETWEEN_SCANS = Duration.ofMinutes(37);
    private static final List<String> HUBS = List.of("Berlin, DE", "Leipzig, DE", "Erfurt, DE", "Nuremberg, DE",
            "Munich, DE");

    private final List<String> trackingNumbers;
    private final int total;
    private final int gap;
    private final int unique;
    private final byte[][] bodies;

    /**
     * @param trackingNumbers the seeded shipments' tracking numbers
     * @param total           callbacks to send, duplicates included
     * @param gap             how many callbacks back a re-delivery's original was sent (about one second of load)
     */
    TrackingCallbackPlan(List<String> trackingNumbers, int total, int gap) {
        if (trackingNumbers.isEmpty() || total < 1 || gap < 1) {
            throw new IllegalArgumentException("shipments, callbacks and the gap must be positive");
        }
        this.trackingNumbers = List.copyOf(trackingNumbers);
        this.total = total;
        this.gap = gap;
        int duplicates = 0;
        for (int slot = 0; slot < total; slot++) {
            if (isDuplicate(slot)) {
                duplicates++;
            }
        }
        this.unique = total - duplicates;
        this.bodies = new byte[unique][];
        for (int event = 0; event < unique; event++) {
            bodies[event] = eventBody(event);
        }
    }

    int total() {
        return total;
    }

    /** Distinct carrier events among the callbacks: what {@code tracking_event} must hold afterwards. */
    int uniqueEvents() {
        return unique;
    }

    int duplicates() {
        return total - unique;
    }

    /** Whether the callback in {@code slot} re-delivers an earlier one. */
    boolean isDuplicate(int slot) {
        return slot >= gap && slot % DUPLICATE_EVERY == DUPLICATE_EVERY - 1;
    }

    /** The body of the callback in {@code slot}: a new event, or the very bytes of an earlier one. */
    byte[] body(int slot) {
        if (!isDuplicate(slot)) {
            return bodies[eventAt(slot)];
        }
        int original = slot - gap;
        // The original may fall on a re-delivery itself; the callback just before it never does.
        return bodies[eventAt(isDuplicate(original) ? original - 1 : original)];
    }

    /** How many journeys got their delivery among the callbacks: the trackers that must end {@code DELIVERED}. */
    int deliveries() {
        return Math.min(trackingNumbers.size(), unique);
    }

    /** The unique event sent in {@code slot} (a duplicate's slot gives the event before it: never asked for). */
    private int eventAt(int slot) {
        if (isDuplicate(slot)) {
            throw new IllegalArgumentException("slot " + slot + " re-delivers another");
        }
        // Slots DUPLICATE_EVERY-1, 2*DUPLICATE_EVERY-1, ... below this one, less those before the first re-delivery.
        int duplicatesBefore = slot / DUPLICATE_EVERY - Math.min(slot, gap) / DUPLICATE_EVERY;
        return slot - duplicatesBefore;
    }

    private int eventsOf(int shipment) {
        int shipments = trackingNumbers.size();
        return unique / shipments + (shipment < unique % shipments ? 1 : 0);
    }

    private byte[] eventBody(int event) {
        int shipments = trackingNumbers.size();
        int shipment = event % shipments;
        int step = event / shipments;
        int steps = eventsOf(shipment);
        String trackingNumber = trackingNumbers.get(shipment);
        Instant occurredAt = FIRST_SCAN.plus(BETWEEN_SCANS.multipliedBy(step)).plusMillis(shipment);
        String status;
        String description;
        String location;
        String signer = null;
        if (step == steps - 1) {
            status = "delivered";
            description = "Delivered, signed for";
            location = "Munich, DE";
            signer = "MUELLER";
        } else if (step == steps - 2) {
            status = "out_for_delivery";
            description = "Out for delivery";
            location = "Munich, DE";
        } else {
            status = "in_transit";
            description = "Arrived at sort facility";
            location = HUBS.get(step % HUBS.size());
        }
        String json = "{\"event_id\":\"bench-" + trackingNumber + "-" + step + "\",\"tracking_number\":\""
                + trackingNumber + "\",\"status\":\"" + status + "\",\"description\":\"" + description
                + "\",\"location\":\"" + location + "\",\"occurred_at\":\"" + occurredAt + "\""
                + (signer == null ? "" : ",\"signed_by\":\"" + signer + "\"") + "}";
        return json.getBytes(StandardCharsets.UTF_8);
    }
}
