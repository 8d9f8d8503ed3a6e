package dev.carrierhub.billing;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import dev.carrierhub.contracts.Topics;
import dev.carrierhub.contracts.events.ShipmentLabeled;
import dev.carrierhub.contracts.shipment.Money;
import dev.carrierhub.contracts.shipment.OdooPickingRef;
import dev.carrierhub.contracts.shipment.ShipmentIds;
import dev.carrierhub.devstack.DevStackTestResource;
import dev.carrierhub.testsupport.KafkaProbe;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.config.JsonConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.path.json.config.JsonPathConfig;
import io.restassured.response.ValidatableResponse;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(value = DevStackTestResource.class,
        initArgs = @ResourceArg(name = DevStackTestResource.DATABASE_ARG, value = "billing_reconciler"))
class ExpectedCostFlowTest {
    private static final String TENANT = "acme";
    private static final String CONSUMER = "billing-reconciler.shipment-labeled";
    private static final AtomicLong PICKINGS = new AtomicLong(System.currentTimeMillis() % 1_000_000 * 100);
    private static final RestAssuredConfig DECIMALS = RestAssuredConfig.config()
            .jsonConfig(JsonConfig.jsonConfig().numberReturnType(JsonPathConfig.NumberReturnType.BIG_DECIMAL));

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    Pool database;

    @Inject
    MeterRegistry meters;

    KafkaProbe kafka;

    @BeforeEach
    void probe() {
        kafka = new KafkaProbe(bootstrapServers);
    }

    @Test
    void aLabelRecordsItsExpectedCostWithExactAmounts() {
        long pickingId = PICKINGS.incrementAndGet();
        String shipmentId = ShipmentIds.forPicking(TENANT, pickingId);
        double recorded = counter("carrierhub.billing.expected-costs", "carrier", "sandbox", "outcome", "recorded");
        Instant labeledAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);

        kafka.send(labeled(shipmentId, pickingId, Money.of("12.40", "USD"), Money.of("11.9", "USD"), labeledAt));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> expectedCost(shipmentId).statusCode(200));
        expectedCost(shipmentId)
                .body("tenant", equalTo(TENANT))
                .body("pickingId", equalTo(Math.toIntExact(pickingId)))
                .body("carrier", equalTo("sandbox"))
                .body("serviceCode", equalTo("SBX_STANDARD"))
                .body("trackingNumber", equalTo("SBX1" + pickingId))
                .body("bookedPrice.amount", equalTo(new BigDecimal("12.40")))
                .body("bookedPrice.currency", equalTo("USD"))
                .body("quotedPrice.amount", equalTo(new BigDecimal("11.90")))
                .body("labeledAt", equalTo(labeledAt.toString()));
        assertThat(count("select booked_amount::text from expected_cost where shipment_id = $1", shipmentId))
                .isEqualTo("12.4000");
        assertThat(counter("carrierhub.billing.expected-costs", "carrier", "sandbox", "outcome", "recorded"))
                .isEqualTo(recorded + 1);
    }

    @Test
    void aRedeliveredLabelIsRecordedOnceAndCountedAsADuplicate() {
        long pickingId = PICKINGS.incrementAndGet();
        String shipmentId = ShipmentIds.forPicking(TENANT, pickingId);
        double duplicates = counter("carrierhub.events.consumed", "consumer", CONSUMER, "outcome", "duplicate");
        ShipmentLabeled labeled = labeled(shipmentId, pickingId, Money.of("9.90", "EUR"), null, Instant.now());

        String eventId = kafka.send(labeled);
        kafka.send(labeled, eventId);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(counter("carrierhub.events.consumed", "consumer", CONSUMER, "outcome", "duplicate"))
                        .isEqualTo(duplicates + 1));
        assertThat(count("select count(*)::text from expected_cost where shipment_id = $1", shipmentId)).isEqualTo("1");
        assertThat(count("select count(*)::text from inbox_processed_event where consumer = $1 and event_id = $2",
                CONSUMER, eventId)).isEqualTo("1");
        expectedCost(shipmentId).statusCode(200).body("quotedPrice", nullValue())
                .body("bookedPrice.amount", equalTo(new BigDecimal("9.90")));
    }

    @Test
    void aLaterLabelReplacesTheExpectedCostAndAnOlderOneArrivingLateDoesNot() {
        long pickingId = PICKINGS.incrementAndGet();
        String shipmentId = ShipmentIds.forPicking(TENANT, pickingId);
        Instant first = Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.MILLIS);
        kafka.send(labeled(shipmentId, pickingId, Money.of("10.00", "EUR"), null, first));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> expectedCost(shipmentId).statusCode(200));

        kafka.send(labeled(shipmentId, pickingId, Money.of("14.50", "EUR"), null, first.plus(30, ChronoUnit.MINUTES)));
        kafka.send(labeled(shipmentId, pickingId, Money.of("99.00", "EUR"), null, first.minus(1, ChronoUnit.MINUTES)));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(count("select count(*)::text from inbox_processed_event where consumer = $1 and subject = $2",
                        CONSUMER, shipmentId)).isEqualTo("3"));
        expectedCost(shipmentId).statusCode(200).body("bookedPrice.amount", equalTo(new BigDecimal("14.50")));
    }

    @Test
    void aPoisonRecordIsDeadLetteredAndConsumptionGoesOn() {
        String poisonKey = "poison-" + UUID.randomUUID();
        kafka.sendRaw(new ProducerRecord<>(Topics.SHIPMENT_LABELED, poisonKey,
                "{\"not\": \"a cloud event\"}".getBytes(StandardCharsets.UTF_8)));
        long pickingId = PICKINGS.incrementAndGet();
        String shipmentId = ShipmentIds.forPicking(TENANT, pickingId);
        kafka.send(labeled(shipmentId, pickingId, Money.of("7.00", "EUR"), null, Instant.now()));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(kafka.records(Topics.deadLetter(Topics.SHIPMENT_LABELED), poisonKey)).hasSize(1));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> expectedCost(shipmentId).statusCode(200));
    }

    @Test
    void anUnknownShipmentIsAProblem() {
        expectedCost("does-not-exist").statusCode(404).contentType("application/problem+json")
                .body("title", equalTo("Not Found"))
                .body("type", equalTo("https://carrierhub.dev/problems/expected-cost-not-found"));
    }

    private static ShipmentLabeled labeled(String shipmentId, long pickingId, Money price, Money quoted,
            Instant labeledAt) {
        return new ShipmentLabeled(shipmentId, new OdooPickingRef(TENANT, pickingId, "WH/OUT/" + pickingId, null),
                "sandbox", "SBX_STANDARD", "sbx_" + pickingId, "SBX1" + pickingId, price, quoted, List.of(), labeledAt);
    }

    private static ValidatableResponse expectedCost(String shipmentId) {
        return given().config(DECIMALS).get("/shipments/{id}/expected-cost", shipmentId).then();
    }

    private double counter(String name, String... tags) {
        var counter = meters.find(name).tags(tags).counter();
        return counter == null ? 0 : counter.count();
    }

    private String count(String sql, Object... params) {
        return database.preparedQuery(sql).execute(Tuple.from(params)).await().atMost(Duration.ofSeconds(10))
                .iterator().next().getString(0);
    }
}
