package dev.carrierhub.intake;

import dev.carrierhub.testsupport.OperatorTokens;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.client.WireMock;
import dev.carrierhub.contracts.Topics;
import dev.carrierhub.contracts.events.ShipmentCancelRequested;
import dev.carrierhub.contracts.events.ShipmentException;
import dev.carrierhub.contracts.shipment.ShipmentIds;
import dev.carrierhub.devstack.DevStackTestResource;
import dev.carrierhub.intake.WriteBackOdooTestResource.InjectOdoo;
import dev.carrierhub.odoo.recordings.OdooRecording;
import dev.carrierhub.odoo.recordings.RecordedOdoo;
import dev.carrierhub.testsupport.KafkaProbe;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Webhooks that never came, and pickings cancelled after their shipment was made, against the recorded
 * Odoo 18. Each test uses its own pickings: 11 and 13 are the recorded ones; 17 to 19 are copies of the
 * recorded picking 11 under another id, with the state or backorder the test needs.
 */
@QuarkusTest
@WithTestResource(value = DevStackTestResource.class,
        initArgs = @ResourceArg(name = DevStackTestResource.DATABASE_ARG, value = "order_intake_sweep"))
@WithTestResource(SweepOdooTestResource.class)
class SweepAndCancellationFlowTest {
    private static final String TENANT = SweepOdooTestResource.TENANT;
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNode PICKING_11 = OdooRecording.load("rpc/enrich-picking.json").exchanges().stream()
            .filter(e -> "stock.picking".equals(e.model()) && "read".equals(e.method()))
            .findFirst().orElseThrow().response().path("result").get(0);
    private static final String WEBHOOK_11 = OdooRecording.load("webhook/picking-assigned-fields.json").webhookBody();

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @InjectOdoo
    RecordedOdoo odoo;

    KafkaProbe kafka;

    @BeforeEach
    void probe() {
        kafka = new KafkaProbe(bootstrapServers);
    }

    @Test
    void theSweepFindsPickingsWhoseWebhookNeverCameAndQueuesEachOnce() {
        odoo.server().stubFor(post(urlEqualTo("/jsonrpc")).atPriority(1)
                .withRequestBody(matchingJsonPath("$.params.args[3]", WireMock.equalTo("stock.picking")))
                .withRequestBody(matchingJsonPath("$.params.args[4]", WireMock.equalTo("search_read")))
                .willReturn(aResponse().withHeader("Content-Type", "application/json; charset=utf-8")
                        .withBody(resource("sweep/changed-pickings.json"))));
        String shipment11 = ShipmentIds.forPicking(TENANT, 11);
        String shipment13 = ShipmentIds.forPicking(TENANT, 13);

        sweep().statusCode(200).body("found", equalTo(2)).body("queued", equalTo(2)).body("skipped", equalTo(false))
                .body("watermark", equalTo("2026-11-26T19:52:17Z"));

        // 11 ships; the recorded 13 has no warehouse address, so it becomes an exception, as from a webhook.
        await().atMost(WAIT).untilAsserted(() -> {
            assertThat(kafka.records(Topics.SHIPMENT_REQUESTED, shipment11)).hasSize(1);
            assertThat(kafka.records(Topics.SHIPMENT_EXCEPTION, shipment13)).hasSize(1);
        });
        assertThat(KafkaProbe.payload(kafka.records(Topics.SHIPMENT_EXCEPTION, shipment13).get(0),
                ShipmentException.class).reasonCode()).isEqualTo("missing-address");
        String domain = odoo.calls("stock.picking", "search_read").get(0).args().get(0).toString();
        assertThat(domain).contains("[\"picking_type_code\",\"=\",\"outgoing\"]",
                "[\"carrier_tracking_ref\",\"=\",false]", "[\"state\",\"=\",\"cancel\"]");

        // The same pickings again: one has its shipment, the other was settled after its last change.
        sweep().statusCode(200).body("found", equalTo(2)).body("queued", equalTo(0));
        // The late webhook of 11 finds its shipment: still one shipment.requested.
        postWebhook(WEBHOOK_11).statusCode(202);
        await().atMost(WAIT).untilAsserted(() ->
                assertThat(audit(11)).contains("sweep:FOUND", "shipment:REQUESTED", "webhook:DUPLICATE"));
        assertThat(kafka.records(Topics.SHIPMENT_REQUESTED, shipment11)).hasSize(1);
    }

    @Test
    void aPickingCancelledAfterItsShipmentAsksForTheLabelToBeVoidedOnce() {
        String shipmentId = ShipmentIds.forPicking(TENANT, 18);
        stubPicking(18, "assigned", null);
        postWebhook(webhook(18, "assigned")).statusCode(202);
        await().atMost(WAIT).untilAsserted(() ->
                assertThat(kafka.records(Topics.SHIPMENT_REQUESTED, shipmentId)).hasSize(1));

        stubPicking(18, "cancel", null);
        postWebhook(webhook(18, "cancel")).statusCode(202);
        postWebhook(webhook(18, "cancel")).statusCode(202);

        await().atMost(WAIT).untilAsserted(() -> {
            assertThat(kafka.records(Topics.SHIPMENT_CANCEL_REQUESTED, shipmentId)).hasSize(1);
            given().get("/shipments/{id}", shipmentId).then().statusCode(200).body("status", equalTo("CANCEL_REQUESTED"));
        });
        ShipmentCancelRequested cancel = KafkaProbe.payload(
                kafka.records(Topics.SHIPMENT_CANCEL_REQUESTED, shipmentId).get(0), ShipmentCancelRequested.class);
        assertThat(cancel.picking().tenant()).isEqualTo(TENANT);
        assertThat(cancel.picking().pickingId()).isEqualTo(18);
        assertThat(cancel.reason()).contains("cancelled in Odoo");
        await().atMost(WAIT).untilAsserted(() ->
                assertThat(audit(18)).contains("shipment:CANCEL_REQUESTED"));
        // Both cancel webhooks are settled; still one request to void.
        await().atMost(WAIT).untilAsserted(() -> assertThat(audit(18)).contains("webhook:DUPLICATE"));
        assertThat(kafka.records(Topics.SHIPMENT_CANCEL_REQUESTED, shipmentId)).hasSize(1);
    }

    @Test
    void aCancelWebhookSentBeforeOdooCommitsWaitsForTheReadToShowTheCancellation() {
        String shipmentId = ShipmentIds.forPicking(TENANT, 19);
        stubPicking(19, "assigned", null);
        postWebhook(webhook(19, "assigned")).statusCode(202);
        await().atMost(WAIT).untilAsserted(() ->
                assertThat(kafka.records(Topics.SHIPMENT_REQUESTED, shipmentId)).hasSize(1));
        int readsBefore = readsOfPicking(19);

        // Odoo sends the webhook inside the cancelling transaction: a read still shows the picking ready.
        postWebhook(webhook(19, "cancel")).statusCode(202);
        await().atMost(WAIT).until(() -> readsOfPicking(19) >= readsBefore + 2);
        assertThat(kafka.records(Topics.SHIPMENT_CANCEL_REQUESTED, shipmentId)).isEmpty();

        stubPicking(19, "cancel", null);
        await().atMost(WAIT).untilAsserted(() ->
                assertThat(kafka.records(Topics.SHIPMENT_CANCEL_REQUESTED, shipmentId)).hasSize(1));
    }

    @Test
    void aBackorderIsAShipmentOfItsOwn() {
        stubPicking(17, "assigned", "WH/OUT/00011");
        String backorder = ShipmentIds.forPicking(TENANT, 17);

        postWebhook(webhook(17, "assigned")).statusCode(202).body("shipmentId", equalTo(backorder));

        await().atMost(WAIT).untilAsserted(() ->
                assertThat(kafka.records(Topics.SHIPMENT_REQUESTED, backorder)).hasSize(1));
        await().atMost(WAIT).untilAsserted(() -> assertThat(audit(17)).contains("backorder of WH/OUT/00011"));
        assertThat(backorder).isNotEqualTo(ShipmentIds.forPicking(TENANT, 11));
    }

    @Test
    void aPickingThatIsNotReadyOrNotOutgoingMakesNoShipment() {
        stubPicking(20, "confirmed", null);
        stubPicking(21, "cancel", null);
        postWebhook(webhook(20, "confirmed")).statusCode(202);
        postWebhook(webhook(21, "cancel")).statusCode(202);

        await().atMost(WAIT).untilAsserted(() -> {
            assertThat(audit(20)).contains("webhook:IGNORED", "not ready to ship");
            assertThat(audit(21)).contains("webhook:IGNORED", "cancelled before any shipment");
        });
        assertThat(kafka.records(Topics.SHIPMENT_REQUESTED, ShipmentIds.forPicking(TENANT, 20))).isEmpty();
        assertThat(kafka.records(Topics.SHIPMENT_CANCEL_REQUESTED, ShipmentIds.forPicking(TENANT, 21))).isEmpty();
    }

    @Test
    void theSweepNeedsAnOperatorOfTheTenant() {
        given().post("/admin/tenants/{tenant}/sweep", TENANT).then().statusCode(401)
                .contentType("application/problem+json");
        given().auth().oauth2(OperatorTokens.token("viewer", Set.of("viewer"), null))
                .post("/admin/tenants/{tenant}/sweep", TENANT).then().statusCode(403);
        given().auth().oauth2(OperatorTokens.token("other", Set.of("operator"), List.of("acme")))
                .post("/admin/tenants/{tenant}/sweep", TENANT).then().statusCode(403);
        given().auth().oauth2(OperatorTokens.operator()).post("/admin/tenants/{tenant}/sweep", "nobody")
                .then().statusCode(404).contentType("application/problem+json");
    }

    /** The recorded picking 11 under another id and state, optionally as the backorder of another picking. */
    private void stubPicking(long id, String state, String backorderOf) {
        ObjectNode picking = PICKING_11.deepCopy();
        picking.put("id", id);
        picking.put("name", String.format("WH/OUT/%05d", id));
        picking.put("state", state);
        if (backorderOf != null) {
            ArrayNode backorder = picking.putArray("backorder_id");
            backorder.add(11).add(backorderOf);
        }
        ObjectNode response = JSON.createObjectNode().put("jsonrpc", "2.0").put("id", 1);
        response.putArray("result").add(picking);
        odoo.server().stubFor(post(urlEqualTo("/jsonrpc")).atPriority(1)
                .withRequestBody(matchingJsonPath("$.params.args[3]", WireMock.equalTo("stock.picking")))
                .withRequestBody(matchingJsonPath("$.params.args[4]", WireMock.equalTo("read")))
                .withRequestBody(matchingJsonPath("$.params.args[5]", equalToJson("[[" + id + "]]")))
                .willReturn(aResponse().withHeader("Content-Type", "application/json; charset=utf-8")
                        .withBody(response.toString())));
    }

    /** The recorded webhook of picking 11, for another picking id and state. */
    private static String webhook(long id, String state) {
        try {
            ObjectNode body = (ObjectNode) JSON.readTree(WEBHOOK_11);
            body.put("_id", id).put("id", id).put("name", String.format("WH/OUT/%05d", id)).put("state", state);
            return body.toString();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private int readsOfPicking(long id) {
        return (int) odoo.calls("stock.picking", "read").stream()
                .filter(call -> call.args().path(0).path(0).asLong() == id).count();
    }

    private static ValidatableResponse postWebhook(String body) {
        return given().contentType(ContentType.JSON).body(body)
                .post("/webhooks/odoo/{tenant}?token={token}", TENANT, SweepOdooTestResource.TOKEN).then();
    }

    private static ValidatableResponse sweep() {
        return given().auth().oauth2(OperatorTokens.operator()).post("/admin/tenants/{tenant}/sweep", TENANT).then();
    }

    private static String audit(long pickingId) {
        return given().auth().oauth2(OperatorTokens.operator())
                .get("/pickings/{tenant}/{picking}/audit", TENANT, pickingId).then().statusCode(200)
                .extract().asString();
    }

    private static String resource(String name) {
        try (InputStream in = SweepAndCancellationFlowTest.class.getClassLoader().getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
