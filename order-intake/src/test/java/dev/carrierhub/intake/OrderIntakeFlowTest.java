package dev.carrierhub.intake;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import dev.carrierhub.contracts.EventType;
import dev.carrierhub.contracts.Topics;
import dev.carrierhub.contracts.events.LabelRef;
import dev.carrierhub.contracts.events.ShipmentException;
import dev.carrierhub.contracts.events.ShipmentLabeled;
import dev.carrierhub.contracts.events.ShipmentRequested;
import dev.carrierhub.contracts.shipment.Money;
import dev.carrierhub.contracts.shipment.OdooPickingRef;
import dev.carrierhub.contracts.shipment.ShipmentIds;
import dev.carrierhub.devstack.DevStackTestResource;
import dev.carrierhub.odoo.recordings.OdooRecording;
import dev.carrierhub.testsupport.KafkaProbe;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(value = DevStackTestResource.class,
        initArgs = @ResourceArg(name = DevStackTestResource.DATABASE_ARG, value = "order_intake"))
@WithTestResource(RecordedOdooTestResource.class)
class OrderIntakeFlowTest {
    private static final String PICKING_11 = OdooRecording.load("webhook/picking-assigned-fields.json").webhookBody();
    private static final String SHIPMENT_11 = ShipmentIds.forPicking(RecordedOdooTestResource.TENANT, 11);

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    InMemorySpanExporter spans;

    KafkaProbe kafka;

    @BeforeEach
    void probe() {
        kafka = new KafkaProbe(bootstrapServers);
    }

    @Test
    void aRecordedPickingWebhookBecomesExactlyOneShipmentRequestedEvenWhenSentThreeTimes() {
        for (int i = 0; i < 3; i++) {
            postWebhook(PICKING_11).statusCode(202).body("shipmentId", equalTo(SHIPMENT_11));
        }

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().get("/shipments/{id}", SHIPMENT_11).then().statusCode(200).body("status", equalTo("REQUESTED")));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(kafka.records(Topics.SHIPMENT_REQUESTED, SHIPMENT_11)).hasSize(1));

        ConsumerRecord<String, byte[]> record = kafka.records(Topics.SHIPMENT_REQUESTED, SHIPMENT_11).get(0);
        assertThat(KafkaProbe.header(record, "ce_type")).isEqualTo(EventType.SHIPMENT_REQUESTED.ceType());
        assertThat(KafkaProbe.header(record, "ce_subject")).isEqualTo(SHIPMENT_11);
        assertThat(KafkaProbe.header(record, "ce_source")).isEqualTo("/carrierhub/order-intake");
        assertThat(KafkaProbe.header(record, "traceparent")).isNotBlank();
        ShipmentRequested requested = KafkaProbe.payload(record, ShipmentRequested.class);
        assertThat(requested.shipment().shipTo().name()).isEqualTo("Dana Whitfield");
        assertThat(requested.shipment().shipTo().stateCode()).isEqualTo("OR");
        assertThat(requested.shipment().shipFrom().city()).isEqualTo("San Francisco");
        assertThat(requested.shipment().declaredValue().currency()).isEqualTo("USD");
    }

    @Test
    void aPickingWithoutWarehouseAddressBecomesAnExceptionInTheSameTraceAsItsWebhook() {
        String body = OdooRecording.load("webhook/picking-assigned-nonascii.json").webhookBody();
        String shipmentId = ShipmentIds.forPicking(RecordedOdooTestResource.TENANT, 13);
        spans.reset();

        postWebhook(body).statusCode(202);

        await().atMost(Duration.ofSeconds(30)).ignoreExceptions().untilAsserted(() -> {
            SpanData publish = spans.getFinishedSpanItems().stream()
                    .filter(s -> s.getName().equals("shipment.exception publish"))
                    .filter(s -> shipmentId.equals(s.getAttributes().get(
                            io.opentelemetry.api.common.AttributeKey.stringKey("carrierhub.shipment.id"))))
                    .findFirst().orElseThrow();
            List<SpanData> trace = spans.getFinishedSpanItems().stream()
                    .filter(s -> s.getTraceId().equals(publish.getTraceId())).toList();
            Set<String> names = trace.stream().map(SpanData::getName).collect(Collectors.toSet());
            assertThat(names).contains("odoo webhook process", "shipment.exception publish");
            assertThat(names).anyMatch(name -> name.contains("/webhooks/odoo/"));
            assertThat(trace).as("the Odoo reads are client spans of the same trace")
                    .anyMatch(s -> s.getKind() == io.opentelemetry.api.trace.SpanKind.CLIENT);
        });
        // The recorded picking 13 has no picking type, so no warehouse: a person must fix it in Odoo.
        ShipmentException exception = KafkaProbe.payload(
                kafka.records(Topics.SHIPMENT_EXCEPTION, shipmentId).get(0), ShipmentException.class);
        assertThat(exception.reasonCode()).isEqualTo("missing-address");
        assertThat(exception.picking().pickingId()).isEqualTo(13);
        assertThat(kafka.records(Topics.SHIPMENT_REQUESTED, shipmentId)).isEmpty();
    }

    @Test
    void badInputGetsAProblemAndStoresOrPublishesNothing() {
        int before = kafka.records(Topics.SHIPMENT_REQUESTED).size();

        postWebhook("{\"_model\": \"stock.picking\", ").statusCode(400)
                .contentType("application/problem+json").body("type", equalTo("https://carrierhub.dev/problems/malformed-json"));
        postWebhook("{\"_model\": \"res.partner\", \"_id\": 7}").statusCode(422)
                .contentType("application/problem+json").body("status", equalTo(422));
        postWebhook("{\"_model\": \"stock.picking\", \"_action\": \"x\"}").statusCode(400)
                .contentType("application/problem+json");
        given().contentType(ContentType.JSON).body(PICKING_11)
                .post("/webhooks/odoo/{tenant}?token=wrong", RecordedOdooTestResource.TENANT)
                .then().statusCode(401).contentType("application/problem+json");
        given().contentType(ContentType.JSON).body(PICKING_11)
                .post("/webhooks/odoo/{tenant}?token={token}", "nobody", RecordedOdooTestResource.TOKEN)
                .then().statusCode(401);

        assertThat(kafka.records(Topics.SHIPMENT_REQUESTED)).hasSize(before);
    }

    @Test
    void aLabelPlansTheOdooWriteBackOnceEvenWhenRedelivered() {
        postWebhook(PICKING_11).statusCode(202);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().get("/shipments/{id}", SHIPMENT_11).then().statusCode(200));
        ShipmentLabeled labeled = new ShipmentLabeled(SHIPMENT_11,
                new OdooPickingRef(RecordedOdooTestResource.TENANT, 11, "WH/OUT/00011", null), "sandbox",
                "SBX_STANDARD", "sbx_1", "SBX000000000011", Money.of("12.40", "USD"), Money.of("12.40", "USD"),
                List.of(new LabelRef("WH/OUT/00011", "PDF", "http://label-service/shipments/" + SHIPMENT_11 + "/label",
                        "ab".repeat(32), 1234)), Instant.now());

        String eventId = kafka.send(labeled);
        kafka.send(labeled, eventId);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().get("/shipments/{id}", SHIPMENT_11).then().statusCode(200)
                        .body("status", equalTo("LABELED"))
                        .body("trackingNumber", equalTo("SBX000000000011"))
                        .body("writeBacks", hasSize(3)));
        given().get("/shipments/{id}", SHIPMENT_11).then()
                .body("writeBacks.kind", org.hamcrest.Matchers.containsInAnyOrder(
                        "tracking-reference", "label-attachment", "label-note"));
    }

    @Test
    void anUnknownShipmentIsAProblem() {
        given().get("/shipments/{id}", "does-not-exist").then().statusCode(404)
                .contentType("application/problem+json").body("title", equalTo("Not Found"));
    }

    private static io.restassured.response.ValidatableResponse postWebhook(String body) {
        return given().contentType(ContentType.JSON).body(body)
                .post("/webhooks/odoo/{tenant}?token={token}", RecordedOdooTestResource.TENANT, RecordedOdooTestResource.TOKEN)
                .then();
    }
}
