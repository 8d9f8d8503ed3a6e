package dev.carrierhub.launcher;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.notContaining;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import dev.carrierhub.contracts.Topics;
import dev.carrierhub.contracts.events.ShipmentRequested;
import dev.carrierhub.contracts.shipment.Shipment;
import dev.carrierhub.devstack.KafkaBroker;
import dev.carrierhub.devstack.PostgresServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The chaos run: the whole suite (five services, Kafka, PostgreSQL, the sandbox carrier, a recorded Odoo), a
 * steady open-loop stream of {@code shipment.requested} events, and one fault after another while it flows. At
 * the end the ledgers are compared ({@link ShipmentLedger}) and a verdict printed: nothing lost, nothing doubled,
 * dead letters only for the poison. Also prints end-to-end latency (requested → labeled) and each service's
 * resident memory.
 *
 * <p>{@code java -cp deploy/launcher/target/classes:$(cat deploy/launcher/target/classpath.txt)
 * dev.carrierhub.launcher.ChaosBenchmarkMain [perSecond] [phaseSeconds] [outageSeconds]} (defaults 10, 20, 60;
 * the ten-minute carrier outage is {@code 600}).
 *
 * <p>Faults, in order, each for one phase under load unless said: kill -9 and restart of each service in turn;
 * the Kafka broker stopped, then started again on the same address with its data; the same for PostgreSQL; the
 * carrier answering half its calls with 5xx; with 429; 2 s of latency on every call; hanging every call, then
 * answering them all; down for {@code outageSeconds}; Odoo refusing every write with 503, then back; every event
 * sent twice with its id (a duplicate storm); one poison record.
 */
public final class ChaosBenchmarkMain {
    private static final List<String> SERVICES = LocalSuite.SERVICES;

    private final LocalSuite suite;
    private final ShipmentEventSender sender;
    private final ShipmentOutcomeWatcher outcomes;
    private final Map<String, Long> ledger = new ConcurrentHashMap<>();
    private final Map<String, Long> sentAt = new ConcurrentHashMap<>();
    private final AtomicLong nextPicking = new AtomicLong(System.currentTimeMillis() % 1_000_000 * 1_000);
    private final AtomicBoolean duplicateStorm = new AtomicBoolean();
    private final long startedNanos = System.nanoTime();

    private ChaosBenchmarkMain(LocalSuite suite) {
        this.suite = suite;
        this.sender = new ShipmentEventSender(suite.stack().bootstrapServers(), "chaos-benchmark");
        this.outcomes = ShipmentOutcomeWatcher.start(suite.stack().bootstrapServers(),
                List.of(Topics.SHIPMENT_LABELED, Topics.SHIPMENT_EXCEPTION));
    }

    public static void main(String[] args) throws Exception {
        // Logging is set up once, here, before the threads that start the stack could race to set it up.
        System.setProperty("java.util.logging.manager", "org.jboss.logmanager.LogManager");
        java.util.logging.LogManager.getLogManager();
        int perSecond = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        Duration phase = Duration.ofSeconds(args.length > 1 ? Long.parseLong(args[1]) : 20);
        Duration outage = Duration.ofSeconds(args.length > 2 ? Long.parseLong(args[2]) : 60);
        ProjectLayout layout = ProjectLayout.locate();
        Path workDir = layout.root().resolve("target/chaos-benchmark-" + System.currentTimeMillis());
        // Every consumer leaves its group within seconds of being killed, so its successor takes over quickly.
        Map<String, String> quickGroups = Map.of(
                "mp.messaging.connector.smallrye-kafka.session.timeout.ms", "6000",
                "mp.messaging.connector.smallrye-kafka.heartbeat.interval.ms", "2000",
                "carrierhub.label.booking.lease", "6s",
                "quarkus.log.level", "WARN");
        Map<String, Map<String, String>> settings = new LinkedHashMap<>();
        SERVICES.forEach(service -> settings.put(service, quickGroups));
        try (LocalSuite suite = LocalSuite.start(layout, workDir, false, settings)) {
            System.out.printf("suite ready in %.1f s; %d shipments/s, phases of %d s, carrier outage %d s%n",
                    suite.timeToReady().toMillis() / 1000.0, perSecond, phase.toSeconds(), outage.toSeconds());
            new ChaosBenchmarkMain(suite).run(perSecond, phase, outage);
        }
        System.exit(0);
    }

    private void run(int perSecond, Duration phase, Duration outage) throws Exception {
        ScheduledExecutorService load = Executors.newSingleThreadScheduledExecutor();
        load.scheduleAtFixedRate(this::sendOne, 0, 1_000_000 / perSecond, TimeUnit.MICROSECONDS);
        long started = System.nanoTime();
        try {
            step("steady load", phase, () -> { }, () -> { });
            for (String service : SERVICES) {
                step("kill -9 " + service + ", then start it again", Duration.ZERO, () -> {
                    suite.service(service).kill();
                    suite.restart(service);
                }, () -> { });
            }
            KafkaBroker broker = suite.stack().kafkaBroker().orElseThrow();
            step("Kafka broker stopped, then started again on the same address", phase, broker::stop,
                    () -> System.out.printf("          broker answering again after %d ms%n",
                            broker.startAgain().toMillis()));
            PostgresServer postgres = suite.stack().postgresServer().orElseThrow();
            step("PostgreSQL stopped, then started again on the same port", phase, postgres::stopForRestart,
                    () -> System.out.printf("          PostgreSQL answering again after %d ms%n",
                            postgres.startAgain().toMillis()));
            step("carrier: half the calls answered 5xx", phase,
                    () -> suite.sandbox().behaviour().failureRate(0.5), () -> suite.sandbox().behaviour().reset());
            step("carrier: half the calls answered 429", phase,
                    () -> suite.sandbox().behaviour().rateLimitRate(0.5), () -> suite.sandbox().behaviour().reset());
            step("carrier: 2 s latency on every call", phase,
                    () -> suite.sandbox().behaviour().latency(Duration.ofSeconds(2)),
                    () -> suite.sandbox().behaviour().reset());
            step("carrier: every call hangs, then all are answered", phase,
                    () -> suite.sandbox().behaviour().hang(), () -> suite.sandbox().behaviour().release());
            step("carrier: down", outage,
                    () -> suite.sandbox().behaviour().outage(true), () -> suite.sandbox().behaviour().reset());
            StubMapping[] refusal = new StubMapping[1];
            step("Odoo: every write refused with 503, then back", phase, () -> refusal[0] = suite.odoo().server().stubFor(
                            post(urlEqualTo("/jsonrpc")).atPriority(0)
                                    .withRequestBody(matchingJsonPath("$.params.args[4]", notContaining("read")))
                                    .willReturn(aResponse().withStatus(503))),
                    () -> suite.odoo().server().removeStub(refusal[0]));
            step("duplicate storm: every event sent twice", phase, () -> duplicateStorm.set(true),
                    () -> duplicateStorm.set(false));
        } finally {
            // Not shutdownNow: an interrupted send would be a shipment in the ledger that never left.
            load.shutdown();
            load.awaitTermination(10, TimeUnit.SECONDS);
        }
        String poison = "poison-" + UUID.randomUUID();
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of("bootstrap.servers",
                suite.stack().bootstrapServers()), new StringSerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(Topics.SHIPMENT_REQUESTED, poison,
                    "not a CloudEvent".getBytes(StandardCharsets.UTF_8))).get();
        }
        sender.flush();
        double loadSeconds = (System.nanoTime() - started) / 1e9;
        System.out.printf("%nload ended: %,d shipments requested in %.0f s; waiting for every outcome%n",
                ledger.size(), loadSeconds);
        boolean settled = outcomes.awaitOutcomes(Set.copyOf(ledger.keySet()), Duration.ofMinutes(10));
        System.out.printf("every shipment has an outcome: %s (%.0f s after the load)%n", settled,
                (System.nanoTime() - started) / 1e9 - loadSeconds);
        printLatency();
        ShipmentLedger.Verdict verdict = awaitLedger(poison);
        System.out.println("\nVERDICT: " + verdict.summary());
        SERVICES.forEach(service -> System.out.printf("%s resident memory: %d MB%n", service,
                suite.service(service).residentKilobytes() / 1024));
    }

    /**
     * The ledgers settle after the outcomes: Odoo write-backs come last, those that failed while Odoo refused them
     * wait up to a minute between attempts, and a burst of labels (the bookings deferred during a long outage)
     * leaves a queue of them. Waits as long as the shipments still missing something keep getting fewer, and
     * three minutes more after the last progress; fifteen minutes at most.
     */
    private ShipmentLedger.Verdict awaitLedger(String poison) throws InterruptedException {
        long started = System.nanoTime();
        long deadline = started + Duration.ofMinutes(15).toNanos();
        long patience = Duration.ofMinutes(3).toNanos();
        ShipmentLedger.Verdict verdict = ShipmentLedger.check(suite, Map.copyOf(ledger), Set.of(poison));
        int missing = verdict.lostShipments();
        long lastProgress = System.nanoTime();
        while (!verdict.lost().isEmpty() && System.nanoTime() < deadline
                && System.nanoTime() - lastProgress < patience) {
            Thread.sleep(10_000);
            verdict = ShipmentLedger.check(suite, Map.copyOf(ledger), Set.of(poison));
            if (verdict.lostShipments() < missing) {
                missing = verdict.lostShipments();
                lastProgress = System.nanoTime();
                System.out.printf("ledgers settling: %,d shipments still missing something (%.0f s after the"
                        + " outcomes)%n", missing, (System.nanoTime() - started) / 1e9);
            }
        }
        return verdict;
    }

    private void sendOne() {
        try {
            Shipment shipment = LabelLoad.shipment(LocalSuite.TENANT, nextPicking.incrementAndGet());
            ledger.put(shipment.shipmentId(), shipment.picking().pickingId());
            String eventId = UUID.randomUUID().toString();
            ShipmentRequested requested = new ShipmentRequested(shipment, Instant.now());
            sentAt.put(shipment.shipmentId(), System.nanoTime());
            sender.send(requested, eventId);
            if (duplicateStorm.get()) {
                sender.send(requested, eventId);
            }
        } catch (RuntimeException e) {
            System.err.println("could not send a shipment: " + e);
        }
    }

    private void step(String name, Duration length, Runnable start, Runnable end) throws InterruptedException {
        long began = System.nanoTime();
        System.out.printf("[%5.0f s] %s%n", (began - startedNanos) / 1e9, name);
        start.run();
        if (!length.isZero()) {
            Thread.sleep(length.toMillis());
        }
        end.run();
        System.out.printf("          done in %.1f s, %,d shipments requested so far%n", (System.nanoTime() - began) / 1e9,
                ledger.size());
    }

    private void printLatency() {
        Histogram labeled = new Histogram(3);
        List<String> noLabel = new ArrayList<>();
        sentAt.forEach((shipmentId, sent) -> {
            long seen = outcomes.firstSeenNanos(shipmentId, Topics.SHIPMENT_LABELED);
            if (seen > 0) {
                labeled.recordValue(Math.max(0, (seen - sent) / 1_000));
            } else {
                noLabel.add(shipmentId);
            }
        });
        System.out.printf("requested -> labeled seen, all phases (faults included), ms: p50 %.1f, p99 %.1f, p99.9 %.1f,"
                        + " max %.1f; %d shipments without a label%n", labeled.getValueAtPercentile(50) / 1000.0,
                labeled.getValueAtPercentile(99) / 1000.0, labeled.getValueAtPercentile(99.9) / 1000.0,
                labeled.getMaxValue() / 1000.0, noLabel.size());
    }
}
