package dev.carrierhub.rating;

import dev.carrierhub.testsupport.TestShipments;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.comparesEqualTo;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import dev.carrierhub.contracts.EventType;
import dev.carrierhub.contracts.Json;
import dev.carrierhub.contracts.Topics;
import dev.carrierhub.contracts.events.ShipmentException;
import dev.carrierhub.contracts.events.ShipmentRated;
import dev.carrierhub.contracts.events.ShipmentRequested;
import dev.carrierhub.contracts.shipment.Shipment;
import dev.carrierhub.devstack.DevStackTestResource;
import dev.carrierhub.testsupport.KafkaProbe;
import dev.carrierhub.testsupport.SandboxCarrierTestResource;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.config.JsonConfig;
import io.restassured.http.ContentType;
import io.restassured.path.json.config.JsonPathConfig;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(value = DevStackTestResource.class,
        initArgs = @ResourceArg(name = DevStackTestResource.DATABASE_ARG, value = "rate_shopping"))
@WithTestResource(SandboxCarrierTestResource.class)
@WithTestResource(SecondSandboxTestResource.class)
class RateShoppingFlowTest {
    private static final Duration WAIT = Duration.ofSeconds(30);

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    MeterRegistry meters;

    @Inject
    InMemorySpanExporter spans;

    KafkaProbe kafka;

    @BeforeEach
    void probe() {
        kafka = new KafkaProbe(bootstrapServers);
    }

    @AfterEach
    void resetSandboxes() {
        SandboxCarrierTestResource.server().behaviour().reset();
        SecondSandboxTestResource.server().behaviour().reset();
    }

    @Test
    void aRequestedShipmentIsRatedOnceWithTheCheapestSandboxQuoteInTheSameTrace() {
        Shipment shipment = TestShipments.domestic();
        String traceId = HexFormat.of().formatHex(randomBytes(16));
        spans.reset();

        Instant requestedAt = Instant.parse("2026-03-14T09:26:53.589Z");
        kafka.sendTraced(new ShipmentRequested(shipment, requestedAt), "00-" + traceId + "-" + HexFormat.of().formatHex(randomBytes(8)) + "-01");

        await().atMost(WAIT).untilAsserted(() ->
                assertThat(kafka.records(Topics.SHIPMENT_RATED, shipment.shipmentId())).hasSize(1));
        ConsumerRecord<String, byte[]> record = kafka.records(Topics.SHIPMENT_RATED, shipment.shipmentId()).get(0);
        assertThat(KafkaProbe.header(record, "ce_type")).isEqualTo(EventType.SHIPMENT_RATED.ceType());
        assertThat(KafkaProbe.header(record, "ce_subject")).isEqualTo(shipment.shipmentId());
        assertThat(KafkaProbe.header(record, "ce_source")).isEqualTo("/carrierhub/rate-shopping");
        assertThat(KafkaProbe.header(record, "ce_id")).isNotBlank();
        assertThat(KafkaProbe.header(record, "ce_time")).isNotBlank();
        assertThat(KafkaProbe.header(record, "traceparent")).as("the trace of the requesting event goes on")
                .startsWith("00-" + traceId + "-");

        ShipmentRated rated = KafkaProbe.payload(record, ShipmentRated.class);
        assertThat(rated.shipment()).isEqualTo(shipment);
        assertThat(rated.requestedAt()).as("passed on for label-service's request-to-label time").isEqualTo(requestedAt);
        assertThat(rated.policy()).as("the policy and the reason for the choice").isEqualTo("cheapest: lowest price "
                + "of 6 quotes from 2 carriers: sandbox SBX_ECONOMY at 6.90 EUR, 5 days");
        assertThat(rated.chosen().carrier()).as("the same price at both sandboxes: the carrier name decides")
                .isEqualTo("sandbox");
        assertThat(rated.chosen().serviceCode()).isEqualTo("SBX_ECONOMY");
        assertThat(rated.chosen().price().amount()).isEqualByComparingTo("6.90");
        assertThat(rated.chosen().price().currency()).isEqualTo("EUR");
        assertThat(rated.alternatives()).extracting(q -> q.carrier() + " " + q.serviceCode()).containsExactly(
                "sandbox-b SBX_ECONOMY", "sandbox SBX_STANDARD", "sandbox-b SBX_STANDARD", "sandbox SBX_EXPRESS",
                "sandbox-b SBX_EXPRESS");
        await().atMost(WAIT).untilAsserted(() -> assertThat(spans.getFinishedSpanItems())
                .as("the carrier call is a client span of the same trace")
                .anyMatch(span -> span.getTraceId().equals(traceId) && span.getName().equals("sandbox rate")
                        && span.getKind() == SpanKind.CLIENT));
    }

    @Test
    void theSameEventDeliveredTwiceIsRatedOnce() {
        Shipment shipment = TestShipments.domestic();
        double duplicatesBefore = duplicates();

        String eventId = kafka.send(new ShipmentRequested(shipment, Instant.now()));
        kafka.send(new ShipmentRequested(shipment, Instant.now()), eventId);

        await().atMost(WAIT).until(() -> duplicates() >= duplicatesBefore + 1);
        assertThat(kafka.records(Topics.SHIPMENT_RATED, shipment.shipmentId())).hasSize(1);
    }

    @Test
    void shipmentsAreRatedSideBySideAndEachIsRecordedOnce() {
        List<Shipment> shipments = IntStream.range(0, 4).mapToObj(i -> TestShipments.domestic()).toList();
        SandboxCarrierTestResource.server().behaviour().hang();
        SecondSandboxTestResource.server().behaviour().hang();

        shipments.forEach(shipment -> kafka.send(new ShipmentRequested(shipment, Instant.now())));

        // Handled one at a time, the second shipment's carriers would only be asked once the first was recorded.
        await().atMost(WAIT).until(() -> SandboxCarrierTestResource.server().behaviour().heldRequests().size() >= 4);
        assertThat(outcomes(shipments.get(0))).as("the first shipment still waits for its carriers").isZero();
        SandboxCarrierTestResource.server().behaviour().release();
        SecondSandboxTestResource.server().behaviour().release();

        await().atMost(WAIT).untilAsserted(() -> assertThat(shipments).allSatisfy(shipment ->
                assertThat(outcomes(shipment)).as("one outcome for " + shipment.shipmentId()).isEqualTo(1)));
    }

    @Test
    void whenEveryCarrierFailsTheShipmentBecomesAnExceptionNamingEachCarriersReason() {
        Shipment shipment = TestShipments.domestic();
        double unavailableBefore = quotes("unavailable");
        SandboxCarrierTestResource.server().behaviour().outage(true);
        SecondSandboxTestResource.server().behaviour().outage(true);

        kafka.send(new ShipmentRequested(shipment, Instant.now()));

        await().atMost(WAIT).untilAsserted(() ->
                assertThat(kafka.records(Topics.SHIPMENT_EXCEPTION, shipment.shipmentId())).hasSize(1));
        ShipmentException exception = KafkaProbe.payload(
                kafka.records(Topics.SHIPMENT_EXCEPTION, shipment.shipmentId()).get(0), ShipmentException.class);
        assertThat(exception.stage()).isEqualTo("rating");
        assertThat(exception.reasonCode()).isEqualTo("no-quotes");
        assertThat(exception.message()).startsWith("No carrier quoted shipment " + shipment.shipmentId())
                .contains("sandbox (unavailable").contains("sandbox-b (");
        assertThat(exception.retryable()).as("an outage passes").isTrue();
        assertThat(exception.picking()).isEqualTo(shipment.picking());
        assertThat(kafka.records(Topics.SHIPMENT_RATED, shipment.shipmentId())).isEmpty();
        assertThat(quotes("unavailable")).isEqualTo(unavailableBefore + 1);
    }

    @Test
    void aPoisonRecordIsDeadLetteredAndTheConsumerGoesOn() {
        String key = "poison-" + UUID.randomUUID();

        kafka.sendRaw(new ProducerRecord<>(Topics.SHIPMENT_REQUESTED, key,
                "this is not a CloudEvent".getBytes(StandardCharsets.UTF_8)));

        await().atMost(WAIT).untilAsserted(() ->
                assertThat(kafka.records(Topics.deadLetter(Topics.SHIPMENT_REQUESTED), key)).hasSize(1));
        Shipment after = TestShipments.domestic();
        kafka.send(new ShipmentRequested(after, Instant.now()));
        await().atMost(WAIT).untilAsserted(() ->
                assertThat(kafka.records(Topics.SHIPMENT_RATED, after.shipmentId())).hasSize(1));
    }

    @Test
    void ratesAreAvailableOverRestForOrderPromising() throws Exception {
        Shipment shipment = TestRequests.shipment("acme");
        BigDecimal kg = shipment.parcels().get(0).weight().value();
        BigDecimal economy = new BigDecimal("4.90").add(new BigDecimal("0.80").multiply(kg)).setScale(2, RoundingMode.HALF_UP);
        int rateRequestsBefore = (int) SandboxCarrierTestResource.server().stats().rateRequests();

        given().config(RestAssured.config().jsonConfig(JsonConfig.jsonConfig()
                        .numberReturnType(JsonPathConfig.NumberReturnType.BIG_DECIMAL)))
                .contentType(ContentType.JSON).body(Json.mapper().writeValueAsString(shipment))
                .post("/rates")
                .then().statusCode(200)
                .body("shipmentId", equalTo(shipment.shipmentId()))
                .body("policy", equalTo("cheapest"))
                .body("reason", startsWith("lowest price of 6 quotes from 2 carriers: sandbox SBX_ECONOMY"))
                .body("quotes.serviceCode", contains("SBX_ECONOMY", "SBX_ECONOMY", "SBX_STANDARD", "SBX_STANDARD",
                        "SBX_EXPRESS", "SBX_EXPRESS"))
                .body("quotes[0].price.amount", comparesEqualTo(economy))
                .body("carriers.carrier", contains("sandbox", "sandbox-b"))
                .body("carriers.outcome", contains("quoted", "quoted"))
                .body("cached", equalTo(false));

        assertThat(SandboxCarrierTestResource.server().stats().rateRequests()).isEqualTo(rateRequestsBefore + 1);
        assertThat(kafka.records(Topics.SHIPMENT_RATED, shipment.shipmentId())).as("a look-up publishes nothing").isEmpty();
    }

    @Test
    void anInvalidBodyIsAProblem() {
        given().contentType(ContentType.JSON).body("{\"shipmentId\": ").post("/rates")
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", endsWith("/malformed-json"));
        given().contentType(ContentType.JSON).body("{\"shipmentId\": \"x\", \"parcels\": []}").post("/rates")
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", endsWith("/invalid-shipment")).body("status", equalTo(400));
    }

    /** shipment.rated or shipment.exception: a carrier answering after the deadline makes the second. */
    private int outcomes(Shipment shipment) {
        return kafka.records(Topics.SHIPMENT_RATED, shipment.shipmentId()).size()
                + kafka.records(Topics.SHIPMENT_EXCEPTION, shipment.shipmentId()).size();
    }

    private double duplicates() {
        Counter counter = meters.find("carrierhub.events.consumed")
                .tags("consumer", "rate-shopping.shipment-requested", "outcome", "duplicate").counter();
        return counter == null ? 0 : counter.count();
    }

    private double quotes(String outcome) {
        Counter counter = meters.find("carrierhub.rating.quotes").tags("carrier", "sandbox", "outcome", outcome).counter();
        return counter == null ? 0 : counter.count();
    }

    private static byte[] randomBytes(int n) {
        byte[] bytes = new byte[n];
        ThreadLocalRandom.current().nextBytes(bytes);
        return bytes;
    }
}
