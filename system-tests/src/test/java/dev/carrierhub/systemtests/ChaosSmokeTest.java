package dev.carrierhub.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.carrierhub.contracts.Topics;
import dev.carrierhub.contracts.events.ShipmentRequested;
import dev.carrierhub.contracts.shipment.Shipment;
import dev.carrierhub.launcher.LocalSuite;
import dev.carrierhub.launcher.ShipmentLedger;
import dev.carrierhub.testsupport.KafkaProbe;
import dev.carrierhub.testsupport.TestShipments;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
 * and order-intake's write-back to Odoo, rate-shopping killed with SIGKILL halfway and started again, and a poison
 * record among them. The ledgers must show every shipment rated, labeled, booked and written back to Odoo exactly
 * once, and only the poison in a dead-letter topic. The full run, with every fault, is ChaosBenchmarkMain.
 */
@Order(4)
class ChaosSmokeTest {
    private static final int SHIPMENTS = 24;
    private static final int KILL_AFTER = 8;
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
    }

    @Test
    void killingRateShoppingUnderLoadLosesAndDoublesNothing() throws InterruptedException {
        List<Shipment> shipments = IntStream.range(0, SHIPMENTS)
                .mapToObj(i -> TestShipments.domestic(LocalSuite.TENANT)).toList();
        Map<String, Long> ledger = new LinkedHashMap<>();
        shipments.forEach(s -> ledger.put(s.shipmentId(), s.picking().pickingId()));
        String poison = "poison-" + UUID.randomUUID();
        AtomicInteger sent = new AtomicInteger();
        ScheduledExecutorService pace = Executors.newSingleThreadScheduledExecutor();
        try {
            // Four a second, open loop: the load goes on whatever happens to the services.
            pace.scheduleAtFixedRate(() -> {
                int next = sent.getAndIncrement();
                if (next < SHIPMENTS) {
                    kafka.send(new ShipmentRequested(shipments.get(next), Instant.now()));
                }
                if (next == SHIPMENTS / 2) {
                    kafka.sendRaw(new ProducerRecord<>(Topics.SHIPMENT_REQUESTED, poison,
                            "not a CloudEvent".getBytes(StandardCharsets.UTF_8)));
                }
            }, 0, 250, TimeUnit.MILLISECONDS);

            await().atMost(PATIENCE).until(() -> sent.get() >= KILL_AFTER);
            suite.service(RATE_SHOPPING).kill();
            suite.restart(RATE_SHOPPING);
            await().atMost(PATIENCE).until(() -> sent.get() >= SHIPMENTS);
        } finally {
            pace.shutdownNow();
            pace.awaitTermination(10, TimeUnit.SECONDS);
        }

        await().atMost(PATIENCE).pollInterval(Duration.ofSeconds(2)).untilAsserted(() ->
                assertThat(ShipmentLedger.check(suite, ledger, Set.of(poison)).lost()).isEmpty());
        ShipmentLedger.Verdict verdict = ShipmentLedger.check(suite, ledger, Set.of(poison));
        assertThat(verdict.clean()).as(verdict.summary()).isTrue();
        assertThat(verdict.exceptions()).as("the carrier never failed: every shipment labeled").isZero();
    }
}
