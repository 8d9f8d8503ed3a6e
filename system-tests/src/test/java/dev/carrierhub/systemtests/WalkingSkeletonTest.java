package dev.carrierhub.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.carrierhub.contracts.Topics;
import dev.carrierhub.launcher.DemoRun;
import dev.carrierhub.launcher.LocalSuite;
import dev.carrierhub.launcher.SuiteClient;
import dev.carrierhub.odoo.recordings.OdooRecording;
import dev.carrierhub.testsupport.KafkaProbe;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * One Odoo picking through all five services, each a separate JVM started from its packaged jar,
 * against a real Kafka broker and PostgreSQL, the sandbox carrier and a recorded Odoo 18.
 */
@org.junit.jupiter.api.Order(1)
class WalkingSkeletonTest {
    private static final Duration PATIENCE = Duration.ofSeconds(90);
    private static final String PICKING_11 = OdooRecording.load("webhook/picking-assigned-fields.json").webhookBody();

    private static LocalSuite suite;
    private static KafkaProbe kafka;
    private final SuiteClient client = new SuiteClient();

    @BeforeAll
    static void startSuite() {
        suite = SharedSuite.get();
        kafka = new KafkaProbe(suite.stack().bootstrapServers());
    }

    @Test
    void oneWebhookDeliveredThreeTimesBecomesOneLabelledTrackedAndCostedShipmentInOneTrace() {
        List<String> shipmentIds = List.of(post(PICKING_11), post(PICKING_11), post(PICKING_11)).stream()
                .map(reply -> {
                    assertThat(reply.status()).isEqualTo(202);
                    return reply.body().path("shipmentId").asText();
                }).distinct().collect(Collectors.toList());
        assertThat(shipmentIds).hasSize(1);
        String shipmentId = shipmentIds.get(0);

        JsonNode booking = awaitJson("label-service", "/shipments/" + shipmentId + "/booking",
                b -> "BOOKED".equals(b.path("state").asText()));
        byte[] label = client.getBytes(URI.create(booking.path("labels").get(0).path("url").asText()));
        assertThat(new String(label, 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");

        JsonNode tracking = awaitJson("tracking-service", "/shipments/" + shipmentId + "/tracking",
                t -> "DELIVERED".equals(t.path("milestone").asText()));
        assertThat(tracking.path("events").size()).isGreaterThanOrEqualTo(2);

        JsonNode cost = awaitJson("billing-reconciler", "/shipments/" + shipmentId + "/expected-cost", c -> true);
        assertThat(cost.toString()).contains(booking.path("trackingNumber").asText());

        JsonNode intake = awaitJson("order-intake", "/shipments/" + shipmentId,
                s -> "DELIVERED".equals(s.path("milestone").asText()));
        assertThat(intake.path("writeBacks").findValuesAsText("kind"))
                .contains("tracking-reference", "label-attachment", "label-note", "tracking-note");

        assertThat(kafka.records(Topics.SHIPMENT_REQUESTED, shipmentId)).hasSize(1);
        assertThat(kafka.records(Topics.SHIPMENT_RATED, shipmentId)).hasSize(1);
        assertThat(kafka.records(Topics.SHIPMENT_LABELED, shipmentId)).hasSize(1);
        assertThat(kafka.records(Topics.TRACKING_UPDATED, shipmentId)).isNotEmpty();
        assertThat(suite.sandbox().stats().bookings()).as("one booking at the carrier").isEqualTo(1);

        await().atMost(PATIENCE).untilAsserted(() -> assertThat(new DemoRun(suite).servicesInTraceOf(shipmentId))
                .containsExactlyInAnyOrderElementsOf(LocalSuite.SERVICES));
    }

    @Test
    void malformedOrUnsupportedWebhooksGetProblemsAndPublishNothing() {
        int requestedBefore = kafka.records(Topics.SHIPMENT_REQUESTED).size();

        SuiteClient.Reply malformed = post("{\"_model\": \"stock.picking\", \"_id\": ");
        SuiteClient.Reply unknownModel = post("{\"_model\": \"account.move\", \"_id\": 4}");
        SuiteClient.Reply missingId = post("{\"_model\": \"stock.picking\", \"_action\": \"x\"}");

        assertThat(List.of(malformed.status(), unknownModel.status(), missingId.status())).containsExactly(400, 422, 400);
        assertThat(List.of(malformed, unknownModel, missingId))
                .allSatisfy(reply -> assertThat(reply.body().path("type").asText()).startsWith("https://carrierhub.dev/problems/"));
        assertThat(kafka.records(Topics.SHIPMENT_REQUESTED)).hasSize(requestedBefore);
    }

    private SuiteClient.Reply post(String body) {
        return client.postJson(suite.webhookUrl(), body);
    }

    private JsonNode awaitJson(String service, String path, java.util.function.Predicate<JsonNode> condition) {
        return await().atMost(PATIENCE).pollInterval(Duration.ofMillis(200)).ignoreExceptions()
                .until(() -> client.getJson(url(service, path)), found -> found.filter(condition).isPresent())
                .orElseThrow();
    }

    private static URI url(String service, String path) {
        return suite.service(service).baseUri().resolve(path);
    }

}
