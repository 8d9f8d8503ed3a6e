package dev.carrierhub.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import dev.carrierhub.carriers.sandbox.BookingCallLog;
import dev.carrierhub.contracts.Topics;
import dev.carrierhub.odoo.recordings.RecordedOdoo;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Compares the ledgers a run leaves behind against the shipments it sent: the events on the topics (by CloudEvent
 * id: the outbox relay may publish an event again after a crash, and consumers absorb it by its id), the
 * carrier's bookings by idempotency key, the tracking references Odoo was sent, and the dead-letter topics.
 * The verdict names every shipment that was lost or doubled anywhere; a chaos run passes only with none.
 */
public final class ShipmentLedger {
    /** Every topic a shipment's events go to and the dead-letter topics of their consumers. */
    private static final List<String> DEAD_LETTERS = List.of(Topics.deadLetter(Topics.SHIPMENT_REQUESTED),
            Topics.deadLetter(Topics.SHIPMENT_RATED), Topics.deadLetter(Topics.SHIPMENT_LABELED),
            Topics.deadLetter(Topics.TRACKING_UPDATED), Topics.deadLetter(Topics.SHIPMENT_EXCEPTION));

    private ShipmentLedger() {
    }

    /**
     * @param shipments   the shipments sent, by shipment id, with their Odoo picking id
     * @param poisonKeys  keys of records sent on purpose as poison: they must be dead-lettered, and nothing else
     */
    public static Verdict check(LocalSuite suite, Map<String, Long> shipments, Set<String> poisonKeys) {
        String kafka = suite.stack().bootstrapServers();
        long[] republished = new long[1];
        Map<String, Integer> rated = counts(kafka, Topics.SHIPMENT_RATED, republished);
        Map<String, Integer> labeled = counts(kafka, Topics.SHIPMENT_LABELED, republished);
        Map<String, Integer> exceptions = counts(kafka, Topics.SHIPMENT_EXCEPTION, republished);
        Map<Long, Integer> trackingWrites = trackingReferencesWritten(suite.odoo());
        Map<String, Long> bookings = suite.sandbox().bookingCalls().all().stream()
                .filter(call -> call.operation() == BookingCallLog.Operation.SHIP && call.status() == 201)
                .collect(Collectors.groupingBy(BookingCallLog.BookingCall::idempotencyKey, Collectors.counting()));
        Map<String, Integer> deadLetters = new HashMap<>();
        DEAD_LETTERS.forEach(topic -> counts(kafka, topic, new long[1])
                .forEach((key, n) -> deadLetters.merge(key, n, Integer::sum)));

        Set<String> lost = new TreeSet<>();
        Set<String> duplicated = new TreeSet<>();
        shipments.forEach((shipmentId, pickingId) -> {
            classify(shipmentId, "shipment.rated", rated.getOrDefault(shipmentId, 0), lost, duplicated);
            classify(shipmentId, "shipment.labeled", labeled.getOrDefault(shipmentId, 0), lost, duplicated);
            classify(shipmentId, "Odoo tracking reference", trackingWrites.getOrDefault(pickingId, 0), lost, duplicated);
            if (exceptions.getOrDefault(shipmentId, 0) > 0) {
                duplicated.add(shipmentId + " (also a shipment.exception)");
            }
        });
        List<String> bookedTwice = bookings.entrySet().stream().filter(entry -> entry.getValue() > 1)
                .map(entry -> entry.getKey() + " booked " + entry.getValue() + " times").sorted().toList();
        List<String> unexpectedDeadLetters = deadLetters.keySet().stream()
                .filter(key -> !poisonKeys.contains(key)).sorted().toList();
        List<String> poisonNotDeadLettered = poisonKeys.stream().filter(key -> !deadLetters.containsKey(key))
                .sorted().toList();
        return new Verdict(shipments.size(), List.copyOf(lost), List.copyOf(duplicated), republished[0], bookings.size(),
                bookedTwice, unexpectedDeadLetters, poisonNotDeadLettered);
    }

    private static void classify(String shipmentId, String ledger, int count, Set<String> lost, Set<String> duplicated) {
        if (count == 0) {
            lost.add(shipmentId + " (no " + ledger + ")");
        } else if (count > 1) {
            duplicated.add(shipmentId + " (" + count + " × " + ledger + ")");
        }
    }

    /** Distinct events per key; adds the records that repeat an event already seen to {@code republished[0]}. */
    private static Map<String, Integer> counts(String bootstrapServers, String topic, long[] republished) {
        try (PublishedEvents events = new PublishedEvents(bootstrapServers, topic)) {
            // Three polls in a row that bring nothing: everything published so far has been read.
            int empty = 0;
            while (empty < 3) {
                long before = events.total();
                events.poll();
                empty = events.total() == before ? empty + 1 : 0;
            }
            Map<String, Integer> distinct = events.distinctEventsPerKey();
            republished[0] += events.total() - distinct.values().stream().mapToLong(Integer::longValue).sum();
            return distinct;
        }
    }

    /** Successful writes of {@code carrier_tracking_ref} by picking id. */
    private static Map<Long, Integer> trackingReferencesWritten(RecordedOdoo odoo) {
        Map<Long, Integer> writes = new HashMap<>();
        for (RecordedOdoo.Call call : odoo.calls("stock.picking", "write")) {
            JsonNode values = call.args().path(1);
            if (call.status() == 200 && values.has("carrier_tracking_ref")) {
                call.args().path(0).forEach(id -> writes.merge(id.asLong(), 1, Integer::sum));
            }
        }
        return writes;
    }

    /**
     * What the ledgers say.
     *
     * @param republished           records that repeat an event already on its topic (the outbox relay sends a
     *                              batch again when it was stopped between sending and marking it): absorbed by
     *                              every consumer by the event's id, so not a duplicate
     * @param bookings              distinct idempotency keys the carrier booked under
     * @param unexpectedDeadLetters keys in a dead-letter topic that were not sent as poison
     * @param poisonNotDeadLettered poison that is not in a dead-letter topic
     */
    public record Verdict(int shipments, List<String> lost, List<String> duplicated, long republished, long bookings,
            List<String> bookedTwice, List<String> unexpectedDeadLetters, List<String> poisonNotDeadLettered) {

        public boolean clean() {
            return lost.isEmpty() && duplicated.isEmpty() && bookedTwice.isEmpty() && unexpectedDeadLetters.isEmpty()
                    && poisonNotDeadLettered.isEmpty();
        }

        public String summary() {
            List<String> lines = new ArrayList<>();
            lines.add(String.format("%d shipments: %d lost, %d duplicated (%d events re-sent with their own id,"
                            + " absorbed); %d carrier bookings, %d booked twice;"
                            + " dead letters beyond the poison: %d; poison not dead-lettered: %d -> %s",
                    shipments, lost.size(), duplicated.size(), republished, bookings, bookedTwice.size(),
                    unexpectedDeadLetters.size(), poisonNotDeadLettered.size(),
                    clean() ? "NOTHING LOST, NOTHING DUPLICATED" : "FAILED"));
            lost.stream().limit(20).forEach(s -> lines.add("  lost: " + s));
            duplicated.stream().limit(20).forEach(s -> lines.add("  duplicated: " + s));
            bookedTwice.stream().limit(20).forEach(s -> lines.add("  booked twice: " + s));
            unexpectedDeadLetters.stream().limit(20).forEach(s -> lines.add("  dead-lettered: " + s));
            poisonNotDeadLettered.forEach(s -> lines.add("  poison not dead-lettered: " + s));
            return String.join("\n", lines);
        }
    }
}
