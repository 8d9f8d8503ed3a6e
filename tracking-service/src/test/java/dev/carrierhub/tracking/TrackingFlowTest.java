package dev.carrierhub.tracking;

import static dev.carrierhub.tracking.SandboxShipments.book;
import static dev.carrierhub.tracking.SandboxShipments.labeled;
import static dev.carrierhub.tracking.SandboxShipments.callback;
import static io.restassured.RestAssured.given;
import static dev.carrierhub.tracking.AppliedCallbacks.applied;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasSize;

import dev.carrierhub.carriers.sandbox.SandboxSignature;
import dev.carrierhub.contracts.EventType;
import dev.carrierhub.contracts.Topics;
import dev.carrierhub.contracts.events.Milestone;
import dev.carrierhub.contracts.events.ShipmentException;
import dev.carrierhub.contracts.events.TrackingUpdated;
import dev.carrierhub.contracts.shipment.ShipmentIds;
import dev.carrierhub.devstack.DevStackTestResource;
import dev.carrierhub.testsupport.KafkaProbe;
import dev.carrierhub.testsupport.SandboxCarrierTestResource;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(value = DevStackTestResource.class,
        initArgs = @ResourceArg(name = DevStackTestResource.DATABASE_ARG, value = "tracking_service"))
@WithTestResource(SandboxCarrierTestResource.class)
class TrackingFlowTest {
    private static final String TENANT = "acme";
    private static final AtomicLong PICKINGS = new AtomicLong(System.currentTimeMillis() % 1_000_000 * 100);

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    Pool database;

    @Inject
    InMemorySpanExporter spans;

    KafkaProbe kafka;

    @BeforeEach
    void probe() {
        kafka = new KafkaProbe(bootstrapServers);
    }

    @Test
    void aLabeledShipmentIsRegisteredAndItsSignedCallbacksBecomeTwoMilestones() throws Exception {
        long pickingId = PICKINGS.incrementAndGet();
        String shipmentId = ShipmentIds.forPicking(TENANT, pickingId);
        // The sandbox only takes trackers for tracking numbers it booked.
        String trackingNumber = book(TENANT, pickingId).trackingNumber();
        long delivered = SandboxCarrierTestResource.server().stats().callbacksDelivered();

        kafka.send(labeled(TENANT, pickingId, trackingNumber, Instant.now()));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(kafka.records(Topics.TRACKING_UPDATED, shipmentId)).hasSize(2));
        List<TrackingUpdated> updates = kafka.records(Topics.TRACKING_UPDATED, shipmentId).stream()
                .map(r -> KafkaProbe.payload(r, TrackingUpdated.class)).toList();
        assertThat(updates).extracting(TrackingUpdated::milestone)
                .containsExactly(Milestone.IN_TRANSIT, Milestone.DELIVERED);
        assertThat(updates).extracting(TrackingUpdated::previousMilestone)
                .containsExactly(Milestone.PRE_TRANSIT, Milestone.IN_TRANSIT);
        TrackingUpdated delivery = updates.get(1);
        assertThat(delivery.proofOfDelivery().signedBy()).isEqualTo("MÜLLER");
        assertThat(delivery.location()).isEqualTo("Munich, DE");
        assertThat(delivery.carrierStatus()).isEqualTo("delivered");
        assertThat(delivery.picking().pickingId()).isEqualTo(pickingId);
        assertThat(delivery.trackingNumber()).isEqualTo(trackingNumber);
        ConsumerRecord<String, byte[]> record = kafka.records(Topics.TRACKING_UPDATED, shipmentId).get(1);
        assertThat(KafkaProbe.header(record, "ce_type")).isEqualTo(EventType.TRACKING_UPDATED.ceType());
        assertThat(KafkaProbe.header(record, "ce_source")).isEqualTo("/carrierhub/tracking-service");
        assertThat(KafkaProbe.header(record, "traceparent")).isNotBlank();
        assertThat(SandboxCarrierTestResource.server().stats().callbacksDelivered()).isGreaterThanOrEqualTo(delivered + 2);

        given().get("/shipments/{id}/tracking", shipmentId).then().statusCode(200)
                .body("milestone", equalTo("DELIVERED"))
                .body("registration", equalTo("REGISTERED"))
                .body("proofOfDelivery.signedBy", equalTo("MÜLLER"))
                .body("events.milestone", contains("IN_TRANSIT", "DELIVERED"));

        // A stray older scan after the delivery joins the history but moves nothing and announces nothing.
        Instant deliveredAt = delivery.eventTime();
        assertThat(applied(database, postSigned(callback(UUID.randomUUID().toString(), trackingNumber, "in_transit",
                deliveredAt.minus(1, ChronoUnit.HOURS)))).outcome()).isEqualTo("stored");

        given().get("/shipments/{id}/tracking", shipmentId).then().statusCode(200)
                .body("milestone", equalTo("DELIVERED"))
                .body("events.milestone", contains("IN_TRANSIT", "IN_TRANSIT", "DELIVERED"));
        // The outbox is written in the callback's transaction: what is not there now will never be published.
        assertThat(outboxed(Topics.TRACKING_UPDATED, shipmentId)).isEqualTo(2);
    }

    @Test
    void aFailingCarrierIsRetriedWithBackOffUntilTheTrackerIsRegistered() throws Exception {
        long pickingId = PICKINGS.incrementAndGet();
        String shipmentId = ShipmentIds.forPicking(TENANT, pickingId);
        String trackingNumber = book(TENANT, pickingId).trackingNumber();
        spans.reset();
        SandboxCarrierTestResource.server().behaviour().failureRate(1.0);
        try {
            kafka.send(labeled(TENANT, pickingId, trackingNumber, Instant.now()));

            await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                    given().get("/shipments/{id}/tracking", shipmentId).then().statusCode(200)
                            .body("registration", equalTo("PENDING"))
                            .body("registrationAttempts", greaterThanOrEqualTo(2)));
        } finally {
            SandboxCarrierTestResource.server().behaviour().reset();
        }

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().get("/shipments/{id}/tracking", shipmentId).then().statusCode(200)
                        .body("registration", equalTo("REGISTERED"))
                        .body("milestone", equalTo("DELIVERED")));
        // Every attempt is a client span under the consumer's trace, the failed ones marked as errors.
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            List<SpanData> calls = spans.getFinishedSpanItems().stream()
                    .filter(s -> s.getName().equals("sandbox register tracker")).toList();
            assertThat(calls).hasSizeGreaterThanOrEqualTo(3);
            assertThat(calls).allMatch(s -> s.getKind() == SpanKind.CLIENT);
            assertThat(calls).filteredOn(s -> s.getStatus().getStatusCode() == StatusCode.ERROR)
                    .hasSizeGreaterThanOrEqualTo(2);
            assertThat(calls).extracting(SpanData::getTraceId).containsOnly(calls.get(0).getTraceId());
            assertThat(spans.getFinishedSpanItems()).filteredOn(s -> s.getTraceId().equals(calls.get(0).getTraceId()))
                    .extracting(SpanData::getName).contains("tracker register").anyMatch(n -> n.contains(Topics.SHIPMENT_LABELED));
        });
    }

    @Test
    void aPoisonLabelGoesToTheDeadLetterTopicAndConsumptionGoesOn() {
        String poisonKey = "poison-" + UUID.randomUUID();
        kafka.sendRaw(new ProducerRecord<>(Topics.SHIPMENT_LABELED, poisonKey, "not a cloud event".getBytes(StandardCharsets.UTF_8)));
        long pickingId = PICKINGS.incrementAndGet();
        String shipmentId = ShipmentIds.forPicking(TENANT, pickingId);
        kafka.send(labeled(TENANT, pickingId, "SBX4" + pickingId, Instant.now()));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(kafka.records(Topics.deadLetter(Topics.SHIPMENT_LABELED), poisonKey)).hasSize(1));
        awaitTracker(shipmentId);
    }

    @Test
    void aCallbackWithoutAValidFreshSignatureIsRefusedAndNothingIsStored() {
        String trackingNumber = "SBX9" + (PICKINGS.incrementAndGet() % 100_000_000_000L);
        byte[] body = callback(UUID.randomUUID().toString(), trackingNumber, "in_transit", Instant.now());
        long now = Instant.now().getEpochSecond();

        postWith(body, null).statusCode(401).contentType("application/problem+json")
                .body("type", equalTo("https://carrierhub.dev/problems/invalid-signature"));
        postWith(body, SandboxSignature.sign("not-the-secret", now, body)).statusCode(401)
                .contentType("application/problem+json");
        postWith(body, SandboxSignature.sign(SandboxCarrierTestResource.WEBHOOK_SECRET, now - 301, body))
                .statusCode(401).contentType("application/problem+json");
        byte[] tampered = new String(body, StandardCharsets.UTF_8).replace("in_transit", "delivered")
                .getBytes(StandardCharsets.UTF_8);
        postWith(tampered, SandboxSignature.sign(SandboxCarrierTestResource.WEBHOOK_SECRET, now, body)).statusCode(401);

        assertThat(count("select count(*) from tracking_callback where tracking_number = $1", trackingNumber)).isZero();
        assertThat(count("select count(*) from tracking_event where tracking_number = $1", trackingNumber)).isZero();
        // The same body, properly signed, is accepted: the refusals were about the signatures alone.
        assertThat(applied(database, postSigned(body)).outcome()).isEqualTo("orphan");
    }

    @Test
    void theSameCallbackPostedTwiceStoresOneEventAndOneUpdate() {
        long pickingId = PICKINGS.incrementAndGet();
        String shipmentId = ShipmentIds.forPicking(TENANT, pickingId);
        String trackingNumber = "SBX8" + pickingId;
        kafka.send(labeled(TENANT, pickingId, trackingNumber, Instant.now()));
        awaitTracker(shipmentId);
        byte[] body = callback(UUID.randomUUID().toString(), trackingNumber, "in_transit", Instant.now());
        String signature = SandboxSignature.sign(SandboxCarrierTestResource.WEBHOOK_SECRET,
                Instant.now().getEpochSecond(), body);

        assertThat(applied(database, postWith(body, signature)))
                .isEqualTo(new AppliedCallbacks.Applied("stored", shipmentId));
        assertThat(applied(database, postWith(body, signature)).outcome()).isEqualTo("duplicate");

        given().get("/shipments/{id}/tracking", shipmentId).then().statusCode(200)
                .body("milestone", equalTo("IN_TRANSIT"))
                .body("events", hasSize(1));
        assertThat(count("select count(*) from tracking_callback where tracking_number = $1", trackingNumber))
                .as("both copies are kept as received").isEqualTo(2);
        assertThat(outboxed(Topics.TRACKING_UPDATED, shipmentId)).isEqualTo(1);
    }

    @Test
    void aCarrierExceptionIsPublishedAsAMilestoneAndAsAShipmentException() {
        long pickingId = PICKINGS.incrementAndGet();
        String shipmentId = ShipmentIds.forPicking(TENANT, pickingId);
        String trackingNumber = "SBX7" + pickingId;
        kafka.send(labeled(TENANT, pickingId, trackingNumber, Instant.now()));
        awaitTracker(shipmentId);

        assertThat(applied(database, postSigned(callback(UUID.randomUUID().toString(), trackingNumber, "failure",
                Instant.now()))).outcome()).isEqualTo("stored");

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(kafka.records(Topics.SHIPMENT_EXCEPTION, shipmentId).stream()
                        .map(r -> KafkaProbe.payload(r, ShipmentException.class))
                        .filter(e -> e.reasonCode().equals("exception")).toList())
                        .singleElement()
                        .satisfies(e -> {
                            assertThat(e.stage()).isEqualTo("tracking");
                            assertThat(e.carrier()).isEqualTo("sandbox");
                            assertThat(e.picking().pickingId()).isEqualTo(pickingId);
                        }));
        assertThat(kafka.records(Topics.TRACKING_UPDATED, shipmentId)).singleElement()
                .satisfies(r -> assertThat(KafkaProbe.payload(r, TrackingUpdated.class).milestone())
                        .isEqualTo(Milestone.EXCEPTION));
    }

    @Test
    void aTrackingNumberTheCarrierDoesNotKnowFailsRegistrationAndTellsOdoo() {
        long pickingId = PICKINGS.incrementAndGet();
        String shipmentId = ShipmentIds.forPicking(TENANT, pickingId);

        kafka.send(labeled(TENANT, pickingId, "SBX6" + pickingId, Instant.now()));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().get("/shipments/{id}/tracking", shipmentId).then().statusCode(200)
                        .body("registration", equalTo("FAILED")));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(kafka.records(Topics.SHIPMENT_EXCEPTION, shipmentId)).singleElement()
                        .satisfies(r -> assertThat(KafkaProbe.payload(r, ShipmentException.class).reasonCode())
                                .isEqualTo("tracker-registration-failed")));
    }

    @Test
    void anEventThatArrivesBeforeItsLabelIsKeptAndAdoptedByTheTracker() {
        long pickingId = PICKINGS.incrementAndGet();
        String shipmentId = ShipmentIds.forPicking(TENANT, pickingId);
        String trackingNumber = "SBX5" + pickingId;

        assertThat(applied(database, postSigned(callback(UUID.randomUUID().toString(), trackingNumber,
                "out_for_delivery", Instant.now()))).outcome()).isEqualTo("orphan");
        given().get("/shipments/{id}/tracking", shipmentId).then().statusCode(404);

        kafka.send(labeled(TENANT, pickingId, trackingNumber, Instant.now()));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().get("/shipments/{id}/tracking", shipmentId).then().statusCode(200)
                        .body("milestone", equalTo("OUT_FOR_DELIVERY"))
                        .body("events", hasSize(1)));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(kafka.records(Topics.TRACKING_UPDATED, shipmentId)).singleElement()
                        .satisfies(r -> assertThat(KafkaProbe.payload(r, TrackingUpdated.class).previousMilestone())
                                .isEqualTo(Milestone.PRE_TRANSIT)));
    }

    @Test
    void aNewerLabelMovesTheTrackerToItsTrackingNumberAndAnOlderOneIsIgnored() {
        long pickingId = PICKINGS.incrementAndGet();
        String shipmentId = ShipmentIds.forPicking(TENANT, pickingId);
        Instant first = Instant.now().minus(1, ChronoUnit.HOURS);
        kafka.send(labeled(TENANT, pickingId, "SBX3" + pickingId, first));
        awaitTracker(shipmentId);
        assertThat(applied(database, postSigned(callback(UUID.randomUUID().toString(), "SBX3" + pickingId,
                "in_transit", Instant.now()))).outcome()).isEqualTo("stored");

        kafka.send(labeled(TENANT, pickingId, "SBX2" + pickingId, first.plus(10, ChronoUnit.MINUTES)));
        kafka.send(labeled(TENANT, pickingId, "SBX1" + pickingId, first.minus(10, ChronoUnit.MINUTES)));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(count("select count(*) from inbox_processed_event where subject = $1", shipmentId))
                        .isEqualTo(3));
        given().get("/shipments/{id}/tracking", shipmentId).then().statusCode(200)
                .body("trackingNumber", equalTo("SBX2" + pickingId))
                .body("milestone", equalTo("PRE_TRANSIT"))
                .body("events", hasSize(0));
    }

    @Test
    void oversizedBodiesUnknownCarriersAndUnknownShipmentsAreProblems() {
        byte[] huge = new byte[64 * 1024 + 1];
        java.util.Arrays.fill(huge, (byte) ' ');

        postWith(huge, "t=1,v1=" + "0".repeat(64)).statusCode(413).contentType("application/problem+json")
                .body("status", equalTo(413));
        given().contentType(ContentType.JSON).body("{}").post("/callbacks/{carrier}", "nope").then()
                .statusCode(404).contentType("application/problem+json");
        given().get("/shipments/{id}/tracking", "does-not-exist").then().statusCode(404)
                .contentType("application/problem+json").body("title", equalTo("Not Found"));
    }




    private static void awaitTracker(String shipmentId) {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().get("/shipments/{id}/tracking", shipmentId).then().statusCode(200));
    }


    private static ValidatableResponse postSigned(byte[] body) {
        return postWith(body, SandboxSignature.sign(SandboxCarrierTestResource.WEBHOOK_SECRET,
                Instant.now().getEpochSecond(), body));
    }

    private static ValidatableResponse postWith(byte[] body, String signature) {
        var request = given().contentType(ContentType.JSON).body(body);
        if (signature != null) {
            request = request.header(SandboxSignature.HEADER, signature);
        }
        return request.post("/callbacks/sandbox").then();
    }

    private long outboxed(String topic, String shipmentId) {
        return count("select count(*) from outbox_event where topic = $1 and subject = $2", topic, shipmentId);
    }

    private long count(String sql, Object... params) {
        return database.preparedQuery(sql).execute(Tuple.from(params)).await().atMost(Duration.ofSeconds(10))
                .iterator().next().getLong(0);
    }

}
