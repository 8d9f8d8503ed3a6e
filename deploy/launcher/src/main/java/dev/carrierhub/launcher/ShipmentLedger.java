package dev.carrierhub.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import dev.carrierhub.carriers.sandbox.BookingCallLog;
import dev.carrierhub.contracts.Topics;
import dev.carrierhub.odoo.recordings.RecordedOdoo;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Compares the ledgers a run leaves behind against the shipments it sent. Each shipment must end exactly one way:
 * rated, labeled and its tracking reference written to Odoo once each, or, when no carrier could take it, as a
 * {@code shipment.exception}; never two of anything. The ledgers: the events on the topics (by CloudEvent id: the
 * outbox relay may publish an event again after a crash, and consumers absorb it by its id), the carrier's
 * bookings by idempotency key, the tracking references and label notes Odoo was sent, and the dead-letter topics.
 * The verdict names every shipment that was lost or doubled anywhere; a chaos run passes only with none.
 */
public final class ShipmentLedger {
    /** Where order-intake reports an Odoo write-back it gave up on (keyed by shipment id, like the others). */
    private static final String ODOO_WRITE_BACK_DEAD_LETTERS = "odoo.writeback.dlq";
    /** The dead-letter topics of every consumer of a shipment's events, and of the Odoo write-backs. */
    private static final List<String> DEAD_LETTERS = List.of(Topics.deadLetter(Topics.SHIPMENT_REQUESTED),
            Topics.deadLetter(Topics.SHIPMENT_RATED), Topics.deadLetter(Topics.SHIPMENT_LABELED),
            Topics.deadLetter(Topics.TRACKING_UPDATED), Topics.deadLetter(Topics.SHIPMENT_EXCEPTION),
            Topics.deadLetter(Topics.SHIPMENT_RATED, "billing"), Topics.deadLetter(Topics.LABEL_DEFERRED),
            ODOO_WRITE_BACK_DEAD_LETTERS);

    private ShipmentLedger() {
    }

    /**
     * @param shipments   the shipments sent, by shipment id, with their Odoo picking id
     * @param poisonKeys  keys of records sent on purpose as poison: they must be dead-lettered, and none of the
     *                    shipments
     */
    public static Verdict check(LocalSuite suite, Map<String, Long> shipments, Set<String> poisonKeys) {
        String kafka = suite.stack().bootstrapServers();
        long[] republished = new long[1];
        Map<String, Integer> rated = counts(kafka, Topics.SHIPMENT_RATED, republished);
        Map<String, Integer> labeled = counts(kafka, Topics.SHIPMENT_LABELED, republished);
        Map<String, Integer> exceptions = counts(kafka, Topics.SHIPMENT_EXCEPTION, republished);
        Map<Long, OdooLabelWrites> odooWrites = labelWrites(suite.odoo());
        Map<String, Long> bookings = suite.sandbox().bookingCalls().all().stream()
                .filter(call -> call.operation() == BookingCallLog.Operation.SHIP && call.status() == 201)
                .collect(Collectors.groupingBy(BookingCallLog.BookingCall::idempotencyKey, Collectors.counting()));
        Map<String, Integer> deadLetters = new HashMap<>();
        Map<String, Integer> deadLetterReasons = new TreeMap<>();
        for (String topic : DEAD_LETTERS) {
            try (PublishedEvents events = readAll(kafka, topic)) {
                events.perKey().forEach((key, n) -> deadLetters.merge(key, n, Integer::sum));
                events.deadLetterReasons().forEach((reason, n) -> deadLetterReasons.merge(topic + ": " + reason, n,
                        Integer::sum));
            }
        }

        Set<String> lost = new TreeSet<>();
        Set<String> lostShipments = new HashSet<>();
        Set<String> duplicated = new TreeSet<>();
        long[] endedAsException = new long[1];
        long[] rewritten = new long[1];
        shipments.forEach((shipmentId, pickingId) -> {
            int labels = labeled.getOrDefault(shipmentId, 0);
            if (labels == 0 && exceptions.getOrDefault(shipmentId, 0) > 0) {
                // No carrier could take it (an outage, every carrier failing): an exception is its one outcome.
                endedAsException[0]++;
                tooMany(shipmentId, "shipment.rated", rated.getOrDefault(shipmentId, 0), duplicated);
                return;
            }
            int lostBefore = lost.size();
            classify(shipmentId, "shipment.rated", rated.getOrDefault(shipmentId, 0), lost, duplicated);
            classify(shipmentId, "shipment.labeled", labels, lost, duplicated);
            OdooLabelWrites odoo = odooWrites.getOrDefault(pickingId, new OdooLabelWrites());
            classify(shipmentId, "tracking reference written to Odoo", odoo.references.size(), lost, duplicated);
            if (lost.size() > lostBefore) {
                lostShipments.add(shipmentId);
            }
            tooMany(shipmentId, "label note posted in Odoo", odoo.notes, duplicated);
            rewritten[0] += Math.max(0, odoo.writes - odoo.references.size());
        });
        List<String> bookedTwice = bookings.entrySet().stream().filter(entry -> entry.getValue() > 1)
                .map(entry -> entry.getKey() + " booked " + entry.getValue() + " times").sorted().toList();
        // Only this run's shipments: a suite shared by several tests holds the dead letters of the others too.
        List<String> unexpectedDeadLetters = deadLetters.keySet().stream()
                .filter(shipments::containsKey).sorted().toList();
        List<String> poisonNotDeadLettered = poisonKeys.stream().filter(key -> !deadLetters.containsKey(key))
                .sorted().toList();
        return new Verdict(shipments.size(), endedAsException[0], lostShipments.size(), List.copyOf(lost),
                List.copyOf(duplicated), republished[0], rewritten[0], bookings.size(),
                bookedTwice, unexpectedDeadLetters, deadLetterReasons, poisonNotDeadLettered);
    }

    private static void tooMany(String shipmentId, String ledger, int count, Set<String> duplicated) {
        if (count > 1) {
            duplicated.add(shipmentId + " (" + count + " × " + ledger + ")");
        }
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
        try (PublishedEvents events = readAll(bootstrapServers, topic)) {
            Map<String, Integer> distinct = events.distinctEventsPerKey();
            republished[0] += events.total() - distinct.values().stream().mapToLong(Integer::longValue).sum();
            return distinct;
        }
    }

    /** Everything published on topic so far: read until three polls in a row bring nothing. */
    private static PublishedEvents readAll(String bootstrapServers, String topic) {
        PublishedEvents events = new PublishedEvents(bootstrapServers, topic);
        int empty = 0;
        while (empty < 3) {
            long before = events.total();
            events.poll();
            empty = events.total() == before ? empty + 1 : 0;
        }
        return events;
    }

    /**
     * What Odoo was sent for each picking's label, by picking id: the distinct tracking references written, how
     * many writes repeated one already written (the same value again: harmless), and the label notes posted (a
     * second one is a note a person sees twice).
     */
    private static Map<Long, OdooLabelWrites> labelWrites(RecordedOdoo odoo) {
        Map<Long, OdooLabelWrites> writes = new HashMap<>();
        for (RecordedOdoo.Call call : odoo.calls("stock.picking", "write")) {
            JsonNode values = call.args().path(1);
            if (call.status() == 200 && values.has("carrier_tracking_ref")) {
                call.args().path(0).forEach(id -> writes.computeIfAbsent(id.asLong(), k -> new OdooLabelWrites())
                        .wrote(values.path("carrier_tracking_ref").asText()));
            }
        }
        for (RecordedOdoo.Call call : odoo.calls("stock.picking", "message_post")) {
            String body = call.kwargs().path("body").asText(call.args().path(1).asText(""));
            if (call.status() == 200 && body.startsWith("Label booked with")) {
                call.args().path(0).forEach(id -> writes.computeIfAbsent(id.asLong(), k -> new OdooLabelWrites())
                        .notes++);
            }
        }
        return writes;
    }

    /** One picking's label write-backs as Odoo received them. */
    private static final class OdooLabelWrites {
        final Set<String> references = new TreeSet<>();
        int writes;
        int notes;

        void wrote(String reference) {
            references.add(reference);
            writes++;
        }
    }

    /**
     * What the ledgers say.
     *
     * @param exceptions            shipments whose one outcome is a shipment.exception (no carrier could take them)
     * @param lostShipments         shipments missing anything ({@code lost} says what, one line per ledger)
     * @param republished           records that repeat an event already on its topic (the outbox relay sends a
     *                              batch again when it was stopped between sending and marking it): absorbed by
     *                              every consumer by the event's id, so not a duplicate
     * @param rewritten             tracking references written to Odoo again with the value already there (a
     *                              write-back retried after its answer was lost): harmless, so not a duplicate
     * @param bookings              distinct idempotency keys the carrier booked under
     * @param unexpectedDeadLetters shipments of this run in a dead-letter topic
     * @param deadLetterReasons     "topic: reason" of every dead letter (the poison's included), with its count
     * @param poisonNotDeadLettered poison that is not in a dead-letter topic
     */
    public record Verdict(int shipments, long exceptions, int lostShipments, List<String> lost,
            List<String> duplicated, long republished, long rewritten, long bookings, List<String> bookedTwice,
            List<String> unexpectedDeadLetters, Map<String, Integer> deadLetterReasons,
            List<String> poisonNotDeadLettered) {

        public boolean clean() {
            return lost.isEmpty() && duplicated.isEmpty() && bookedTwice.isEmpty() && unexpectedDeadLetters.isEmpty()
                    && poisonNotDeadLettered.isEmpty();
        }

        public String summary() {
            List<String> lines = new ArrayList<>();
            lines.add(String.format("%d shipments (%d labeled and written back, %d ended as an exception): %d lost,"
                            + " %d duplicated (%d events re-sent with their own id, absorbed; %d tracking references"
                            + " written again with the same value); %d carrier bookings,"
                            + " %d booked twice; dead letters beyond the poison: %d; poison not dead-lettered: %d -> %s",
                    shipments, shipments - exceptions - lostShipments, exceptions, lostShipments, duplicated.size(),
                    republished, rewritten, bookings, bookedTwice.size(),
                    unexpectedDeadLetters.size(), poisonNotDeadLettered.size(),
                    clean() ? "NOTHING LOST, NOTHING DUPLICATED" : "FAILED"));
            lost.stream().limit(20).forEach(s -> lines.add("  lost: " + s));
            duplicated.stream().limit(20).forEach(s -> lines.add("  duplicated: " + s));
            bookedTwice.stream().limit(20).forEach(s -> lines.add("  booked twice: " + s));
            unexpectedDeadLetters.stream().limit(20).forEach(s -> lines.add("  dead-lettered: " + s));
            deadLetterReasons.forEach((reason, n) -> lines.add(String.format("  dead letters, %,d × %s", n, reason)));
            poisonNotDeadLettered.forEach(s -> lines.add("  poison not dead-lettered: " + s));
            return String.join("\n", lines);
        }
    }
}
