package dev.carrierhub.tracking;

import static dev.carrierhub.tracking.SandboxShipments.callback;
import static dev.carrierhub.tracking.SandboxShipments.labeled;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import dev.carrierhub.carriers.sandbox.SandboxSignature;
import dev.carrierhub.contracts.shipment.ShipmentIds;
import dev.carrierhub.devstack.DevStackTestResource;
import dev.carrierhub.testsupport.KafkaProbe;
import dev.carrierhub.testsupport.SandboxCarrierTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.vertx.core.buffer.Buffer;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The way in and the way on: callbacks are answered once stored, written together when they arrive together,
 * and applied by the processor, which also takes up what it finds stored and not applied (a restart, another
 * replica) and sets aside what it cannot read.
 */
@QuarkusTest
@WithTestResource(value = DevStackTestResource.class,
        initArgs = @ResourceArg(name = DevStackTestResource.DATABASE_ARG, value = "tracking_service"))
@WithTestResource(SandboxCarrierTestResource.class)
class CallbackProcessingFlowTest {
    private static final String TENANT = "initech";
    private static final AtomicLong PICKINGS = new AtomicLong(System.currentTimeMillis() % 1_000_000_000L * 100 + 7);

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    Pool database;

    KafkaProbe kafka;

    @BeforeEach
    void probe() {
        kafka = new KafkaProbe(bootstrapServers);
    }

    @Test
    void callbacksArrivingTogetherAreAllAnsweredStoredAndApplied() throws Exception {
        String trackingNumber = trackedShipment();
        int callbacks = 40;
        Instant start = Instant.now().minus(2, ChronoUnit.HOURS);
        ExecutorService senders = Executors.newFixedThreadPool(callbacks);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Integer>> answers = new ArrayList<>();
        try {
            for (int i = 0; i < callbacks; i++) {
                byte[] body = callback(UUID.randomUUID().toString(), trackingNumber, "in_transit", start.plusSeconds(i));
                answers.add(senders.submit(() -> {
                    go.await();
                    return given().contentType(ContentType.JSON).header(SandboxSignature.HEADER, signed(body))
                            .body(body).post("/callbacks/sandbox").then().extract().statusCode();
                }));
            }
            go.countDown();
            for (Future<Integer> answer : answers) {
                assertThat(answer.get()).isEqualTo(202);
            }
        } finally {
            senders.shutdownNow();
        }

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(count(
                "select count(*) from tracking_callback where tracking_number = $1 and outcome = 'STORED'",
                trackingNumber)).isEqualTo(callbacks));
        assertThat(count("select count(*) from tracking_event where tracking_number = $1", trackingNumber))
                .isEqualTo(callbacks);
    }

    @Test
    void aCallbackStoredButNotAppliedIsTakenUpByTheProcessorsOwnRounds() {
        String trackingNumber = trackedShipment();
        UUID stored = storeAsReceived(callback(UUID.randomUUID().toString(), trackingNumber, "out_for_delivery",
                Instant.now()), trackingNumber);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(outcome(stored)).isEqualTo("STORED"));
        given().get("/shipments/{id}/tracking", shipmentOf(trackingNumber)).then().statusCode(200)
                .body("milestone", equalTo("OUT_FOR_DELIVERY"));
    }

    @Test
    void aStoredCallbackThatNoLongerReadsIsSetAsideAndHoldsNothingBack() {
        String trackingNumber = trackedShipment();
        UUID garbled = storeAsReceived("{\"tracking_number\":".getBytes(StandardCharsets.UTF_8), trackingNumber);
        UUID next = storeAsReceived(callback(UUID.randomUUID().toString(), trackingNumber, "in_transit",
                Instant.now()), trackingNumber);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(outcome(garbled)).isEqualTo("UNREADABLE");
            assertThat(outcome(next)).isEqualTo("STORED");
        });
        assertThat(count("select count(*) from tracking_callback where id = $1 and failure is not null", garbled))
                .isEqualTo(1);
    }

    @Test
    void theSameEventTwiceInOneBatchIsStoredOnceAndTheCopyIsADuplicate() {
        String trackingNumber = trackedShipment();
        byte[] body = callback(UUID.randomUUID().toString(), trackingNumber, "in_transit", Instant.now());
        UUID first = UUID.randomUUID();
        UUID copy = UUID.randomUUID();
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        // One statement, so the processor finds both in the same batch.
        database.preparedQuery("""
                insert into tracking_callback (id, carrier, received_at, body, outcome, tracking_number)
                values ($1, 'sandbox', $3, $4, 'RECEIVED', $5), ($2, 'sandbox', $3 + interval '1 millisecond', $4,
                        'RECEIVED', $5)""")
                .execute(Tuple.of(first, copy, now, Buffer.buffer(body), trackingNumber))
                .await().atMost(Duration.ofSeconds(10));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(outcome(first)).isEqualTo("STORED");
            assertThat(outcome(copy)).isEqualTo("DUPLICATE");
        });
        assertThat(count("select count(*) from tracking_event where tracking_number = $1", trackingNumber)).isEqualTo(1);
    }

    /** A labeled shipment with its tracker; returns its tracking number. */
    private String trackedShipment() {
        long pickingId = PICKINGS.incrementAndGet();
        String shipmentId = ShipmentIds.forPicking(TENANT, pickingId);
        String trackingNumber = "SBXP" + pickingId;
        kafka.send(labeled(TENANT, pickingId, trackingNumber, Instant.now()));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().get("/shipments/{id}/tracking", shipmentId).then().statusCode(200));
        return trackingNumber;
    }

    private static String shipmentOf(String trackingNumber) {
        return ShipmentIds.forPicking(TENANT, Long.parseLong(trackingNumber.substring("SBXP".length())));
    }

    /** A callback as the door would have stored it, not applied yet. */
    private UUID storeAsReceived(byte[] body, String trackingNumber) {
        UUID id = UUID.randomUUID();
        database.preparedQuery("""
                insert into tracking_callback (id, carrier, received_at, body, outcome, tracking_number)
                values ($1, 'sandbox', $2, $3, 'RECEIVED', $4)""")
                .execute(Tuple.of(id, OffsetDateTime.now(ZoneOffset.UTC), Buffer.buffer(body), trackingNumber))
                .await().atMost(Duration.ofSeconds(10));
        return id;
    }

    private String outcome(UUID callbackId) {
        return database.preparedQuery("select outcome from tracking_callback where id = $1")
                .execute(Tuple.of(callbackId)).await().atMost(Duration.ofSeconds(10))
                .iterator().next().getString(0);
    }

    private static String signed(byte[] body) {
        return SandboxSignature.sign(SandboxCarrierTestResource.WEBHOOK_SECRET, Instant.now().getEpochSecond(), body);
    }


    private long count(String sql, Object... params) {
        return database.preparedQuery(sql).execute(Tuple.from(params)).await().atMost(Duration.ofSeconds(10))
                .iterator().next().getLong(0);
    }
}
