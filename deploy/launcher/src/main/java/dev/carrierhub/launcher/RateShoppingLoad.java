package dev.carrierhub.launcher;

import dev.carrierhub.contracts.Topics;
import dev.carrierhub.contracts.events.ShipmentRequested;
import dev.carrierhub.contracts.shipment.Address;
import dev.carrierhub.contracts.shipment.Money;
import dev.carrierhub.contracts.shipment.OdooPickingRef;
import dev.carrierhub.contracts.shipment.Parcel;
import dev.carrierhub.contracts.shipment.ServiceLevel;
import dev.carrierhub.contracts.shipment.Shipment;
import dev.carrierhub.contracts.shipment.ShipmentIds;
import dev.carrierhub.contracts.shipment.Weight;
import dev.carrierhub.contracts.shipment.WeightUnit;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;

/**
 * Drives {@code shipment.requested} events through a running rate-shopping, phase by phase, and measures
 * each phase from the outside (requested → {@code shipment.rated} seen on the topic) and from the inside
 * (the service's own {@code carrierhub.rating.overhead} timer, carrier time excluded).
 */
final class RateShoppingLoad implements AutoCloseable {
    static final String OVERHEAD_TIMER = "carrierhub_rating_overhead_seconds";
    private static final Address WAREHOUSE = new Address("Acme Warehouse", "Acme GmbH", "Lagerstrasse 1", null,
            "Berlin", "10115", null, "DE", "+49301234567", "shipping@acme.example", false);
    private static final Address CUSTOMER = new Address("Erika Mustermann", null, "Hauptstrasse 5", null, "Munich",
            "80331", "DE-BY", "DE", null, "erika@example.com", true);
    private static final Duration PATIENCE = Duration.ofMinutes(3);

    private final URI metrics;
    private final ShipmentEventSender sender;
    private final ShipmentOutcomeWatcher watcher;
    private final Set<String> requested = new LinkedHashSet<>();
    private long nextPicking = 1;

    RateShoppingLoad(RateShoppingStack stack) {
        this.metrics = stack.service().baseUri().resolve("/q/metrics");
        this.watcher = ShipmentOutcomeWatcher.start(stack.bootstrapServers(), ShipmentOutcomeWatcher.outcomeTopics());
        this.sender = new ShipmentEventSender(stack.bootstrapServers(), "rate-shopping-benchmark");
    }

    /**
     * Sends {@code count} shipments, at {@code perSecond} (0: as fast as the producer takes them), and waits
     * until each has an outcome.
     */
    Phase run(String name, int count, int perSecond) {
        List<Shipment> shipments = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            shipments.add(nextShipment());
        }
        PrometheusTimer before = PrometheusTimer.read(metrics, OVERHEAD_TIMER);
        long started = System.nanoTime();
        for (int i = 0; i < count; i++) {
            if (perSecond > 0) {
                long due = started + i * 1_000_000_000L / perSecond;
                while (System.nanoTime() < due) {
                    LockSupport.parkNanos(due - System.nanoTime());
                }
            }
            sender.send(new ShipmentRequested(shipments.get(i), Instant.now()));
        }
        sender.flush();
        Set<String> ids = new LinkedHashSet<>(shipments.stream().map(Shipment::shipmentId).toList());
        requested.addAll(ids);
        boolean complete = watcher.awaitOutcomes(ids, PATIENCE);
        long lastOutcome = ids.stream().mapToLong(watcher::firstSeenNanos).max().orElse(started);
        Histogram endToEnd = new Histogram(3);
        ids.stream().filter(id -> watcher.firstSeenNanos(id) > 0)
                .forEach(id -> endToEnd.recordValue((watcher.firstSeenNanos(id) - sender.sentNanos(id)) / 1_000));
        PrometheusTimer after = awaitTimerCount(before.count() + count);
        return new Phase(name, count, perSecond, complete, Duration.ofNanos(lastOutcome - started), endToEnd,
                after.since(before), after.shareWithin(before, 0.020));
    }

    /** The timer is recorded as the transaction commits, a moment before the event can reach the topic. */
    private PrometheusTimer awaitTimerCount(long expected) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        PrometheusTimer timer = PrometheusTimer.read(metrics, OVERHEAD_TIMER);
        while (timer.count() < expected && System.nanoTime() < deadline) {
            LockSupport.parkNanos(Duration.ofMillis(100).toNanos());
            timer = PrometheusTimer.read(metrics, OVERHEAD_TIMER);
        }
        return timer;
    }

    /**
     * Checks, after a quiet {@code settle} in which a late duplicate could still appear, that every
     * requested shipment got exactly one {@code shipment.rated} and no {@code shipment.exception}.
     */
    Delivery delivery(Duration settle) {
        LockSupport.parkNanos(settle.toNanos());
        int once = 0;
        int missing = 0;
        int duplicated = 0;
        int exceptions = 0;
        for (String id : requested) {
            int rated = watcher.count(id, Topics.SHIPMENT_RATED);
            once += rated == 1 ? 1 : 0;
            missing += rated == 0 ? 1 : 0;
            duplicated += rated > 1 ? 1 : 0;
            exceptions += watcher.count(id, Topics.SHIPMENT_EXCEPTION) > 0 ? 1 : 0;
        }
        Set<String> unexpected = new LinkedHashSet<>(watcher.seenShipments());
        unexpected.removeAll(requested);
        return new Delivery(requested.size(), once, missing, duplicated, exceptions, unexpected.size());
    }

    /** Berlin → Munich, one 2.5 kg parcel: every sandbox account quotes it, so each rating has 9 quotes. */
    private Shipment nextShipment() {
        long picking = nextPicking++;
        return new Shipment(ShipmentIds.forPicking("bench", picking),
                new OdooPickingRef("bench", picking, "WH/OUT/" + picking, "S" + picking), WAREHOUSE, CUSTOMER,
                List.of(new Parcel("P1", new Weight(new BigDecimal("2.5"), WeightUnit.KG), null, "box")),
                Money.of("120.00", "EUR"), ServiceLevel.STANDARD, List.of(), false, null);
    }

    @Override
    public void close() {
        sender.close();
        watcher.close();
    }

    /** What one phase measured; histograms in microseconds. */
    record Phase(String name, int shipments, int perSecond, boolean complete, Duration firstSentToLastRated,
            Histogram endToEnd, Histogram overhead, double overheadShareWithin20ms) {
        double shipmentsPerSecond() {
            return shipments / (firstSentToLastRated.toNanos() / 1e9);
        }
    }

    /** Whether every requested shipment got exactly one {@code shipment.rated}. */
    record Delivery(int requested, int ratedOnce, int missing, int duplicated, int withException, int unexpected) {
        boolean exactlyOnce() {
            return ratedOnce == requested && missing == 0 && duplicated == 0 && withException == 0;
        }
    }
}
