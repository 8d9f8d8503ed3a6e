package dev.carrierhub.launcher;

import dev.carrierhub.carriers.sandbox.BookingCallLog;
import dev.carrierhub.carriers.sandbox.SandboxStats;
import dev.carrierhub.contracts.Topics;
import dev.carrierhub.contracts.events.Quote;
import dev.carrierhub.contracts.events.ShipmentRated;
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
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;

/**
 * Publishes {@code shipment.rated} at a fixed rate, whatever label-service does (an open loop), and measures
 * from the outside when each shipment's {@code shipment.labeled} appears: every shipment is timed from when
 * its event was due, not from when it was sent, so a sender that fell behind cannot hide latency.
 */
final class LabelLoad implements AutoCloseable {
    static final String TENANT = "bench";
    /** What label-service answers a rated shipment with; the dead-letter topic catches events it cannot read. */
    static final List<String> WATCHED = List.of(Topics.SHIPMENT_LABELED, Topics.SHIPMENT_EXCEPTION,
            Topics.LABEL_DEFERRED, Topics.deadLetter(Topics.SHIPMENT_RATED));
    /** Labels per second are counted from this far into the load on, once the pipeline is full. */
    static final Duration STEADY_AFTER = Duration.ofSeconds(5);
    private static final Duration NO_PROGRESS_LIMIT = Duration.ofSeconds(60);
    private static final Address WAREHOUSE = new Address("Acme Warehouse", "Acme GmbH", "Lagerstrasse 1", null,
            "Berlin", "10115", null, "DE", "+49301234567", "shipping@acme.example", false);
    private static final Address CUSTOMER = new Address("Erika Mustermann", null, "Hauptstrasse 5", null, "Munich",
            "80331", "DE-BY", "DE", null, "erika@example.com", true);

    private final LabelServiceStack stack;
    private final Duration carrierLatency;
    private final URI metrics;
    private final ShipmentEventSender sender;
    private final ShipmentOutcomeWatcher watcher;
    private final Set<String> sent = new LinkedHashSet<>();
    private long nextPicking = 1;

    LabelLoad(LabelServiceStack stack, Duration carrierLatency) {
        this.stack = stack;
        this.carrierLatency = carrierLatency;
        this.metrics = stack.service().baseUri().resolve("/q/metrics");
        this.watcher = ShipmentOutcomeWatcher.start(stack.bootstrapServers(), WATCHED);
        this.sender = new ShipmentEventSender(stack.bootstrapServers(), "label-benchmark");
    }

    /**
     * Publishes {@code perSecond} rated shipments a second for {@code seconds}, then waits until each has a
     * label or an exception (or nothing more arrives for a minute).
     */
    Phase run(String name, int perSecond, int seconds) {
        int count = perSecond * seconds;
        List<Shipment> shipments = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            shipments.add(nextShipment());
        }
        long[] dueNanos = new long[count];
        long sendLagMaxNanos = 0;
        PrometheusSamples before = PrometheusSamples.read(metrics);
        GaugeSampler gauges = new GaugeSampler(metrics);
        CpuUsage cpuBefore = CpuUsage.read(stack.processNames());
        ThreadCpu threadsBefore = ThreadCpu.read(stack.service().pid());
        long start = System.nanoTime() + Duration.ofMillis(10).toNanos();
        Instant wallNow = Instant.now();
        long epochMicrosAtNanoZero = wallNow.getEpochSecond() * 1_000_000 + wallNow.getNano() / 1_000
                - System.nanoTime() / 1_000;
        for (int i = 0; i < count; i++) {
            long due = start + i * 1_000_000_000L / perSecond;
            for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
                LockSupport.parkNanos(wait);
            }
            dueNanos[i] = due;
            Shipment shipment = shipments.get(i);
            sent.add(shipment.shipmentId());
            sender.send(rated(shipment));
            sendLagMaxNanos = Math.max(sendLagMaxNanos, sender.sentNanos(shipment.shipmentId()) - due);
        }
        long loadEnd = start + Duration.ofSeconds(seconds).toNanos();
        LockSupport.parkNanos(loadEnd - System.nanoTime());
        CpuUsage cpuAfter = CpuUsage.read(stack.processNames());
        List<String> busiestThreads = ThreadCpu.read(stack.service().pid()).busiestSince(threadsBefore, 5);
        Map<String, GaugeSampler.Summary> sampledGauges = gauges.stop();
        sender.flush();
        List<String> ids = shipments.stream().map(Shipment::shipmentId).toList();
        awaitOutcomes(ids);
        PrometheusSamples after = PrometheusSamples.read(metrics);
        long[] dueEpochMicros = new long[count];
        long[] seenEpochMicros = new long[count];
        for (int i = 0; i < count; i++) {
            long seen = watcher.firstSeenNanos(ids.get(i), Topics.SHIPMENT_LABELED);
            dueEpochMicros[i] = dueNanos[i] / 1_000 + epochMicrosAtNanoZero;
            seenEpochMicros[i] = seen < 0 ? -1 : seen / 1_000 + epochMicrosAtNanoZero;
        }
        Histogram[] stages = LabelTimeline.stages(LabelTimeline.read(stack.database()), ids, dueEpochMicros,
                seenEpochMicros);

        Histogram endToEnd = new Histogram(3);
        Histogram overhead = new Histogram(3);
        long latencyNanos = carrierLatency.toNanos();
        long steadyFrom = start + STEADY_AFTER.toNanos();
        int windows = (seconds + 9) / 10;
        int[] labeledPerWindow = new int[windows];
        long lastLabeled = start;
        int labeled = 0;
        int labeledDuringLoad = 0;
        int labeledWhileSteady = 0;
        int belowCarrierLatency = 0;
        for (int i = 0; i < count; i++) {
            long seen = watcher.firstSeenNanos(ids.get(i), Topics.SHIPMENT_LABELED);
            if (seen < 0) {
                continue;
            }
            labeled++;
            long took = seen - dueNanos[i];
            endToEnd.recordValue(took / 1_000);
            belowCarrierLatency += took < latencyNanos ? 1 : 0;
            overhead.recordValue(Math.max(0, took - latencyNanos) / 1_000);
            lastLabeled = Math.max(lastLabeled, seen);
            if (seen < loadEnd) {
                labeledDuringLoad++;
                labeledPerWindow[(int) ((seen - start) / 10_000_000_000L)]++;
                labeledWhileSteady += seen >= steadyFrom ? 1 : 0;
            }
        }
        double steadySeconds = (loadEnd - Math.min(steadyFrom, loadEnd)) / 1e9;
        return new Phase(name, perSecond, seconds, count, Duration.ofNanos(sendLagMaxNanos), labeled,
                outcomes(ids, Topics.SHIPMENT_EXCEPTION), outcomes(ids, Topics.LABEL_DEFERRED),
                outcomes(ids, Topics.deadLetter(Topics.SHIPMENT_RATED)),
                steadySeconds > 0 ? labeledWhileSteady / steadySeconds : Double.NaN,
                perWindow(labeledPerWindow, seconds), count - labeledDuringLoad,
                Duration.ofNanos(Math.max(0, lastLabeled - loadEnd)), Duration.ofNanos(lastLabeled - start),
                endToEnd, overhead, stages, belowCarrierLatency, before, after, cpuBefore, cpuAfter,
                busiestThreads, sampledGauges);
    }

    /** Labels per second in each ten seconds of the load (the last one may be shorter). */
    private static double[] perWindow(int[] labeled, int seconds) {
        double[] perSecond = new double[labeled.length];
        for (int w = 0; w < labeled.length; w++) {
            perSecond[w] = labeled[w] / (double) Math.min(10, seconds - w * 10);
        }
        return perSecond;
    }

    private int outcomes(List<String> ids, String topic) {
        return (int) ids.stream().filter(id -> watcher.count(id, topic) > 0).count();
    }

    /** Waits until each shipment has a label or an exception; a deferred booking comes back minutes later only. */
    private void awaitOutcomes(List<String> ids) {
        long lastProgress = System.nanoTime();
        long done = -1;
        while (System.nanoTime() - lastProgress < NO_PROGRESS_LIMIT.toNanos()) {
            long now = ids.stream().filter(id -> watcher.count(id, Topics.SHIPMENT_LABELED) > 0
                    || watcher.count(id, Topics.SHIPMENT_EXCEPTION) > 0).count();
            if (now == ids.size()) {
                return;
            }
            if (now != done) {
                done = now;
                lastProgress = System.nanoTime();
            }
            LockSupport.parkNanos(Duration.ofMillis(50).toNanos());
        }
    }

    /**
     * After a quiet {@code settle}, in which a late duplicate could still appear: how often each shipment sent so
     * far was published on {@code shipment.labeled} (read from the start of the topic, committed records only),
     * and what the sandbox booked.
     */
    Delivery delivery(Duration settle) {
        LockSupport.parkNanos(settle.toNanos());
        int once = 0;
        int missing = 0;
        int duplicated = 0;
        int unexpected;
        try (PublishedEvents published = new PublishedEvents(stack.bootstrapServers(), Topics.SHIPMENT_LABELED)) {
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (published.distinctKeys() < sent.size() && System.nanoTime() < deadline) {
                published.poll();
            }
            for (int i = 0; i < 4; i++) {
                published.poll(); // anything late, a duplicate included
            }
            for (String id : sent) {
                int times = published.count(id);
                once += times == 1 ? 1 : 0;
                missing += times == 0 ? 1 : 0;
                duplicated += times > 1 ? 1 : 0;
            }
            unexpected = published.distinctKeys() - (sent.size() - missing);
        }
        SandboxStats stats = stack.sandbox().stats();
        Map<String, Integer> shipCalls = new HashMap<>();
        int lookUps = 0;
        for (BookingCallLog.BookingCall call : stack.sandbox().bookingCalls().all()) {
            if (call.operation() == BookingCallLog.Operation.SHIP) {
                shipCalls.merge(call.idempotencyKey(), 1, Integer::sum);
            } else {
                lookUps++;
            }
        }
        long bookedTwice = shipCalls.values().stream().filter(calls -> calls > 1).count();
        return new Delivery(sent.size(), once, missing, duplicated, unexpected, outcomes(List.copyOf(sent),
                Topics.SHIPMENT_EXCEPTION), outcomes(List.copyOf(sent), Topics.LABEL_DEFERRED), stats.bookings(),
                stats.bookingRequests(), bookedTwice, lookUps);
    }

    private Shipment nextShipment() {
        return shipment(TENANT, nextPicking++);
    }

    /** Berlin → Munich, one 2.5 kg parcel, picking {@code picking} of {@code tenant}; the sandbox offers SBX_STANDARD. */
    static Shipment shipment(String tenant, long picking) {
        return new Shipment(ShipmentIds.forPicking(tenant, picking),
                new OdooPickingRef(tenant, picking, "WH/OUT/" + picking, "S" + picking), WAREHOUSE, CUSTOMER,
                List.of(new Parcel("P1", new Weight(new BigDecimal("2.5"), WeightUnit.KG), null, "box")),
                Money.of("120.00", "EUR"), ServiceLevel.STANDARD, List.of(), false, null);
    }

    /** As rate-shopping would rate it: the sandbox's standard service chosen, no alternative to fall back to. */
    private static ShipmentRated rated(Shipment shipment) {
        Quote chosen = new Quote("rate_" + shipment.picking().pickingId(), LabelServiceStack.CARRIER, "SBX_STANDARD",
                ServiceLevel.STANDARD, Money.of("9.90", "EUR"), 3);
        return new ShipmentRated(shipment, chosen, List.of(), "cheapest", Instant.now());
    }

    @Override
    public void close() {
        sender.close();
        watcher.close();
    }

    /**
     * What one phase measured. Histograms in microseconds: end to end from each rated event's due time to its
     * {@code shipment.labeled} seen, the overhead, end to end minus the sandbox's set latency, and the stages
     * of {@link LabelTimeline#STAGES}.
     */
    record Phase(String name, int perSecond, int seconds, int shipments, Duration sendLagMax, int labeled,
            int withException, int deferred, int deadLettered, double sustainedPerSecond, double[] perTenSeconds,
            int backlogAtLoadEnd, Duration drainAfterLoad, Duration firstDueToLastLabeled, Histogram endToEnd,
            Histogram overhead, Histogram[] stages, int belowCarrierLatency, PrometheusSamples before,
            PrometheusSamples after, CpuUsage cpuBefore, CpuUsage cpuAfter, List<String> busiestThreads,
            Map<String, GaugeSampler.Summary> gauges) {
        /**
         * Whether label-service kept up with the offered rate: every shipment labeled, at least 98 % of the rate
         * sustained, and no more than one second's shipments still waiting for a label when the load ended.
         */
        boolean keptUp() {
            return labeled == shipments && sustainedPerSecond >= 0.98 * perSecond && backlogAtLoadEnd <= perSecond;
        }

        double overallPerSecond() {
            return labeled / (firstDueToLastLabeled.toNanos() / 1e9);
        }
    }

    /** Whether every shipment sent was labeled exactly once, and booked once at the carrier. */
    record Delivery(int sent, int labeledOnce, int missing, int labeledMoreThanOnce, int unexpected,
            int withException, int deferred, long sandboxBookings, long sandboxBookingRequests,
            long keysShippedMoreThanOnce, int sandboxLookUps) {
        boolean exactlyOnce() {
            return labeledOnce == sent && missing == 0 && labeledMoreThanOnce == 0 && unexpected == 0
                    && withException == 0 && sandboxBookings == sent && keysShippedMoreThanOnce == 0;
        }
    }

    /**
     * Reads some of label-service's gauges once a second while the load runs: the carrier calls in flight (to
     * compare with {@code carrierhub.label.booking.concurrency}) and the reactive pool's connections in use and
     * requests waiting for one.
     */
    static final class GaugeSampler {
        static final String CARRIER_CALLS_IN_FLIGHT = "carrierhub_carrier_bulkhead_in_flight";
        static final String CONNECTIONS_IN_USE = "sql_pool_active";
        static final String WAITING_FOR_A_CONNECTION = "sql_pool_queue_size";
        private static final List<String> GAUGES =
                List.of(CARRIER_CALLS_IN_FLIGHT, CONNECTIONS_IN_USE, WAITING_FOR_A_CONNECTION);

        private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "gauge-sampler");
            thread.setDaemon(true);
            return thread;
        });
        private final Map<String, Histogram> samples = new HashMap<>();

        GaugeSampler(URI metrics) {
            GAUGES.forEach(gauge -> samples.put(gauge, new Histogram(3)));
            timer.scheduleAtFixedRate(() -> {
                try {
                    PrometheusSamples page = PrometheusSamples.read(metrics);
                    synchronized (samples) {
                        GAUGES.forEach(gauge -> samples.get(gauge).recordValue(Math.round(page.sum(gauge))));
                    }
                } catch (RuntimeException e) {
                    // A missed sample is no reason to stop the load.
                }
            }, 1, 1, TimeUnit.SECONDS);
        }

        Map<String, Summary> stop() {
            timer.shutdownNow();
            Map<String, Summary> summaries = new HashMap<>();
            synchronized (samples) {
                samples.forEach((gauge, values) -> summaries.put(gauge, new Summary(values.getTotalCount(),
                        values.getMean(), values.getValueAtPercentile(50), values.getMaxValue())));
            }
            return summaries;
        }

        /** Samples taken, and the gauge's value on average, at the median and at most. */
        record Summary(long samples, double mean, long median, long max) {
        }
    }
}
