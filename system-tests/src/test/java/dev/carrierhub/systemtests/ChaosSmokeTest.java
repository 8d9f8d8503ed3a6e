package dev.carrierhub.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.carrierhub.contracts.Topics;
import dev.carrierhub.contracts.events.ShipmentRequested;
import dev.carrierhub.contracts.shipment.Shipment;
import dev.carrierhub.devstack.PostgresServer;
import dev.carrierhub.launcher.LocalSuite;
import dev.carrierhub.launcher.ShipmentLedger;
import dev.carrierhub.testsupport.KafkaProbe;
import dev.carrierhub.testsupport.TestShipments;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * The short version of the chaos run: shipments requested at a steady pace through rate-shopping, label-service
 * and order-intake's write-back to Odoo, a poison record among them, and one fault a third of the way in:
 * rate-shopping killed with SIGKILL and started again, or PostgreSQL stopped for two seconds of load and started
 * again on the same port. The ledgers must show every shipment rated, labeled, booked and written back to Odoo exactly
 * once, and only the poison in a dead-letter topic. The full run, with every fault, is ChaosBenchmarkMain.
 */
@Order(4)
class ChaosSmokeTest {
    private static final int SHIPMENTS = 24;
    private static final int KILL_AFTER = 8;
    /** Shipments sent while PostgreSQL is down: two seconds of load, every service's connections gone. */
    private static final int OUTAGE_SHIPMENTS = 8;
    private static final Duration PATIENCE = Duration.ofMinutes(3);
    private static final String RATE_SHOPPING = "rate-shopping";

    private static LocalSuite suite;
    private static KafkaProbe kafka;

    @BeforeAll
    static void startSuite() {
        suite = SharedSuite.get();
        kafka = new KafkaProbe(suite.stack().bootstrapServers());
    }

    @AfterEach
    void leaveTheSuiteAsFound() {
        if (!suite.service(RATE_SHOPPING).isAlive()) {
            suite.restart(RATE_SHOPPING);
        }
        suite.stack().postgresServer().filter(postgres -> !isAnswering(postgres))
                .ifPresent(PostgresServer::startAgain);
    }

    @Test
    void killingRateShoppingUnderLoadLosesAndDoublesNothing() throws InterruptedException {
        ShipmentLedger.Verdict verdict = underLoad(() -> {
            suite.service(RATE_SHOPPING).kill();
            suite.restart(RATE_SHOPPING);
        }, 0, () -> { });
        assertThat(verdict.clean()).as(verdict.summary()).isTrue();
        assertThat(verdict.exceptions()).as("the carrier never failed: every shipment labeled").isZero();
    }

    @Test
    void restartingPostgresUnderLoadLosesAndDoublesNothing() throws InterruptedException {
        Optional<PostgresServer> started = suite.stack().postgresServer();
        assumeTrue(started.isPresent(),
                "PostgreSQL is an external server here: only one the suite started is restarted");
        PostgresServer postgres = started.orElseThrow();
        ShipmentLedger.Verdict verdict = underLoad(postgres::stopForRestart, OUTAGE_SHIPMENTS, postgres::startAgain);
        assertThat(isAnswering(postgres)).isTrue();
        assertThat(verdict.clean()).as(verdict.summary()).isTrue();
        assertThat(verdict.exceptions()).as("the carrier never failed: every shipment labeled").isZero();
    }

    /**
     * Sends the shipments (and a poison record among them) at a steady pace, starts the fault after KILL_AFTER of
     * them and ends it once {@code lastsFor} more were sent. Returns the verdict once nothing is missing any more
     * or one of the shipments is in a dead-letter topic.
     */
    private ShipmentLedger.Verdict underLoad(Runnable fault, int lastsFor, Runnable recovery)
            throws InterruptedException {
        List<Shipment> shipments = IntStream.range(0, SHIPMENTS)
                .mapToObj(i -> TestShipments.domestic(LocalSuite.TENANT)).toList();
        Map<String, Long> ledger = new LinkedHashMap<>();
        shipments.forEach(s -> ledger.put(s.shipmentId(), s.picking().pickingId()));
        String poison = "poison-" + UUID.randomUUID();
        AtomicInteger due = new AtomicInteger();
        // Counted once the broker has the record: a shipment still being sent is not sent yet.
        AtomicInteger sent = new AtomicInteger();
        ScheduledExecutorService pace = Executors.newSingleThreadScheduledExecutor();
        try {
            // Four a second, open loop: the load goes on whatever happens to the services.
            pace.scheduleAtFixedRate(() -> {
                int next = due.getAndIncrement();
                if (next < SHIPMENTS) {
                    kafka.send(new ShipmentRequested(shipments.get(next), Instant.now()));
                    sent.incrementAndGet();
                }
                if (next == SHIPMENTS / 2) {
                    kafka.sendRaw(new ProducerRecord<>(Topics.SHIPMENT_REQUESTED, poison,
                            "not a CloudEvent".getBytes(StandardCharsets.UTF_8)));
                }
            }, 0, 250, TimeUnit.MILLISECONDS);

            await().atMost(PATIENCE).until(() -> sent.get() >= KILL_AFTER);
            fault.run();
            await().atMost(PATIENCE).until(() -> sent.get() >= KILL_AFTER + lastsFor);
            recovery.run();
            await().atMost(PATIENCE).until(() -> sent.get() >= SHIPMENTS);
        } finally {
            // Not shutdownNow: interrupting a send in flight would lose that shipment in the test itself.
            pace.shutdown();
            pace.awaitTermination(10, TimeUnit.SECONDS);
        }

        // Until nothing is missing, or something is dead-lettered that will never arrive by itself.
        return await().atMost(PATIENCE).pollInterval(Duration.ofSeconds(2))
                .until(() -> ShipmentLedger.check(suite, ledger, Set.of(poison)),
                        verdict -> verdict.lost().isEmpty() || !verdict.unexpectedDeadLetters().isEmpty());
    }

    private static boolean isAnswering(PostgresServer postgres) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), postgres.port()), 1_000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
