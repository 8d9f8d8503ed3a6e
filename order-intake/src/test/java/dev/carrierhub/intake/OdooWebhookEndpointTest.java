package dev.carrierhub.intake;

import static dev.carrierhub.intake.WebhookTenantsTestResource.BOTH_MODELS;
import static dev.carrierhub.intake.WebhookTenantsTestResource.FENCED;
import static dev.carrierhub.intake.WebhookTenantsTestResource.LOOPBACK_ONLY;
import static dev.carrierhub.intake.WebhookTenantsTestResource.MAX_BODY_BYTES;
import static dev.carrierhub.intake.WebhookTenantsTestResource.PICKINGS_ONLY;
import static dev.carrierhub.intake.WebhookTenantsTestResource.SIGNED;
import static dev.carrierhub.intake.WebhookTenantsTestResource.THROTTLED;
import static dev.carrierhub.intake.WebhookTenantsTestResource.token;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import dev.carrierhub.devstack.DevStackTestResource;
import dev.carrierhub.intake.webhook.WebhookSignature;
import dev.carrierhub.odoo.recordings.OdooRecording;
import io.quarkus.arc.Arc;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.config.EncoderConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The webhook endpoint's door: who may post, how much, how often, and that refused calls store nothing. */
@QuarkusTest
@WithTestResource(value = DevStackTestResource.class,
        initArgs = @ResourceArg(name = DevStackTestResource.DATABASE_ARG, value = "order_intake"))
@WithTestResource(WebhookTenantsTestResource.class)
class OdooWebhookEndpointTest {
    private static final String PICKING_11 = recorded("picking-assigned-fields");
    /** Like Odoo: application/json with no charset added. */
    private static final RestAssuredConfig AS_ODOO = RestAssuredConfig.config().encoderConfig(
            EncoderConfig.encoderConfig().appendDefaultContentCharsetToContentTypeIfUndefined(false));

    @Inject
    Pool database;

    /** The stored pickings can never be read from these tenants' empty Odoo: stop them being retried later. */
    @AfterAll
    static void settleWhatWasStored() {
        Arc.container().instance(Pool.class).get()
                .preparedQuery("update webhook_event set status = 'FAILED', failure = 'test tenant' "
                        + "where tenant like $1 and status = 'RECEIVED'")
                .execute(Tuple.of(WebhookTenantsTestResource.PREFIX + "%")).await().atMost(Duration.ofSeconds(10));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"picking-assigned-fields, stock.picking, 11", "picking-assigned-nofields, stock.picking, 12",
            "picking-assigned-nonascii, stock.picking, 13", "picking-done-multipackage, stock.picking, 14",
            "sale-order-confirmed, sale.order, 9"})
    void everyRecordedWebhookIsAcceptedAndStoredExactlyAsOdooSentIt(String recording, String model, long id) {
        String body = recorded(recording);

        String eventId = post(BOTH_MODELS, token(BOTH_MODELS), body).then().statusCode(202)
                .body("status", equalTo("accepted")).extract().path("eventId");

        Row stored = row("select tenant, model, record_id, action, body from webhook_event where id = $1",
                UUID.fromString(eventId));
        assertThat(stored.getString("tenant")).isEqualTo(BOTH_MODELS);
        assertThat(stored.getString("model")).isEqualTo(model);
        assertThat(stored.getLong("record_id")).isEqualTo(id);
        assertThat(stored.getString("action")).startsWith("Send Webhook Notification(#");
        assertThat(stored.getString("body")).isEqualTo(body);
    }

    @Test
    void aSaleOrderIsAcknowledgedWithoutAShipment() {
        String eventId = post(BOTH_MODELS, token(BOTH_MODELS), recorded("sale-order-confirmed")).then().statusCode(202)
                .body("shipmentId", nullValue()).extract().path("eventId");

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            Row event = row("select status, shipment_id from webhook_event where id = $1", UUID.fromString(eventId));
            assertThat(event.getString("status")).isEqualTo("PROCESSED");
            assertThat(event.getString("shipment_id")).isNull();
        });
    }

    @Test
    void aSaleOrderForATenantThatDoesNotSendThemIs422AndNotStored() {
        long before = stored();

        post(PICKINGS_ONLY, token(PICKINGS_ONLY), recorded("sale-order-confirmed")).then().statusCode(422)
                .contentType("application/problem+json").body("type", equalTo("https://carrierhub.dev/problems/unsupported-model"));

        assertThat(stored()).isEqualTo(before);
    }

    @Test
    void aMissingOrWrongTokenIs401AndStoresNothing() {
        long before = stored();

        given().config(AS_ODOO).contentType("application/json").body(bytes(PICKING_11))
                .post("/webhooks/odoo/{tenant}", BOTH_MODELS).then().statusCode(401)
                .contentType("application/problem+json").body("type", equalTo("https://carrierhub.dev/problems/unauthorized"));
        post(BOTH_MODELS, "wrong", PICKING_11).then().statusCode(401).contentType("application/problem+json");
        post(BOTH_MODELS, token(BOTH_MODELS).toUpperCase(), PICKING_11).then().statusCode(401);
        post("nobody", token(BOTH_MODELS), PICKING_11).then().statusCode(401);

        assertThat(stored()).isEqualTo(before);
    }

    @Test
    void aSecondTenantsTokenCannotPostToTheFirstTenantsUrl() {
        long before = stored();

        post(BOTH_MODELS, token(PICKINGS_ONLY), PICKING_11).then().statusCode(401);
        given().config(AS_ODOO).contentType("application/json").header("X-Carrierhub-Token", token(PICKINGS_ONLY))
                .body(bytes(PICKING_11)).post("/webhooks/odoo/{tenant}", BOTH_MODELS).then().statusCode(401);
        assertThat(stored()).isEqualTo(before);

        post(PICKINGS_ONLY, token(PICKINGS_ONLY), PICKING_11).then().statusCode(202);
        assertThat(stored()).isEqualTo(before + 1);
    }

    @Test
    void aCallerOutsideTheTenantsAllowListIs403AndAForgedForwardedForDoesNotHelp() {
        long before = stored();

        post(FENCED, token(FENCED), PICKING_11).then().statusCode(403).contentType("application/problem+json")
                .body("type", equalTo("https://carrierhub.dev/problems/source-not-allowed"));
        odooLike().queryParam("token", token(FENCED)).header("X-Forwarded-For", "10.1.2.3").body(bytes(PICKING_11))
                .post("/webhooks/odoo/{tenant}", FENCED).then().statusCode(403);
        assertThat(stored()).isEqualTo(before);

        post(LOOPBACK_ONLY, token(LOOPBACK_ONLY), PICKING_11).then().statusCode(202);
        assertThat(stored()).isEqualTo(before + 1);
    }

    @Test
    void aSigningTenantNeedsTheRightSignatureOfTheExactBody() {
        long before = stored();
        WebhookSignature signature = new WebhookSignature(WebhookTenantsTestResource.HMAC_SECRET);
        byte[] body = bytes(PICKING_11);

        post(SIGNED, token(SIGNED), PICKING_11).then().statusCode(401).contentType("application/problem+json")
                .body("type", equalTo("https://carrierhub.dev/problems/bad-signature"));
        signed(body, new WebhookSignature("another-secret").sign(body)).then().statusCode(401);
        signed(body, signature.sign(bytes(PICKING_11.replace("\"_id\": 11", "\"_id\": 12")))).then().statusCode(401);
        assertThat(stored()).isEqualTo(before);

        signed(body, signature.sign(body)).then().statusCode(202);
        assertThat(stored()).isEqualTo(before + 1);
    }

    @Test
    void anOversizedBodyIsA413ProblemWhetherItsLengthIsDeclaredOrNot() throws Exception {
        long before = stored();
        byte[] over = oversized(MAX_BODY_BYTES + 1);

        post(BOTH_MODELS, token(BOTH_MODELS), over).then().statusCode(413).contentType("application/problem+json")
                .body("type", equalTo("https://carrierhub.dev/problems/webhook-too-large"))
                .body("instance", equalTo("/webhooks/odoo/" + BOTH_MODELS));
        // Above the server's hard stop too: still refused from Content-Length first, with a problem.
        post(BOTH_MODELS, token(BOTH_MODELS), oversized(300 * 1024)).then().statusCode(413)
                .contentType("application/problem+json");

        HttpResponse<String> chunked = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build().send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + RestAssured.port + "/webhooks/odoo/" + BOTH_MODELS
                                + "?token=" + token(BOTH_MODELS)))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(over))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(chunked.statusCode()).isEqualTo(413);
        assertThat(chunked.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(chunked.body()).contains("webhook-too-large");

        assertThat(stored()).isEqualTo(before);
    }

    @Test
    void aTenantOverItsRateLimitGets429WithRetryAfterAndRefusedCallsDoNotDrainIt() {
        long before = stored(THROTTLED);
        for (int i = 0; i < 5; i++) {
            post(THROTTLED, "wrong", PICKING_11).then().statusCode(401);
        }

        List<Integer> statuses = new ArrayList<>();
        ExtractableResponse<Response> refused = null;
        while (refused == null && statuses.size() < 10) {
            ExtractableResponse<Response> response = post(THROTTLED, token(THROTTLED), PICKING_11).then().extract();
            statuses.add(response.statusCode());
            if (response.statusCode() == 429) {
                refused = response;
            }
        }

        assertThat(refused).as("a 429 within ten calls: %s", statuses).isNotNull();
        long accepted = statuses.stream().filter(status -> status == 202).count();
        // The burst of 3, plus at most what refilled (1 per 2 s) while the calls ran.
        assertThat(accepted).as("%s", statuses).isBetween(3L, 5L);
        assertThat(statuses.subList(0, (int) accepted)).containsOnly(202);
        assertThat(refused.contentType()).isEqualTo("application/problem+json");
        assertThat(refused.path("type").toString()).isEqualTo("https://carrierhub.dev/problems/rate-limited");
        assertThat(Integer.parseInt(refused.header("Retry-After"))).isBetween(1, 2);
        assertThat(stored(THROTTLED)).isEqualTo(before + accepted);
    }

    @Test
    void randomAndBrokenBodiesGetA4xxProblemAndStoreNothing() {
        long before = stored();
        Random random = new Random(20260611);
        List<byte[]> bodies = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            byte[] noise = new byte[random.nextInt(2000)];
            random.nextBytes(noise);
            bodies.add(noise);
        }
        for (int i = 0; i < 6; i++) {
            bodies.add(Arrays.copyOf(bytes(PICKING_11), random.nextInt(PICKING_11.length())));
        }
        for (String body : List.of("[1, 2]", "null", "\"stock.picking\"", "{\"_model\": 1, \"_id\": 11}",
                "{\"_model\": \"stock.picking\", \"_id\": \"11\"}",
                "{\"_model\": \"stock.picking\", \"_id\": 9223372036854775808}",
                "{\"_model\": \"stock.picking\", \"_id\": " + "9".repeat(5000) + "}",
                "{\"_model\": \"stock.picking\", \"_id\": 11, \"_action\": \"x\\u0000\"}",
                "{\"_model\": \"stock.picking\", \"_id\": 11, \"_action\": \"" + "a".repeat(301) + "\"}",
                "{\"_model\": \"stock.picking\", \"_id\": 11, \"x\": " + "[".repeat(5000) + "]".repeat(5000) + "}",
                "{\"_model\": \"stock.picking\", \"_id\": 11} and more",
                "{\"_model\": \"res.partner\", \"_id\": 11}")) {
            bodies.add(bytes(body));
        }

        for (byte[] body : bodies) {
            int status = post(BOTH_MODELS, token(BOTH_MODELS), body).then().contentType("application/problem+json")
                    .extract().statusCode();
            assertThat(status).as(new String(body, StandardCharsets.ISO_8859_1)).isIn(400, 422);
        }
        assertThat(stored()).isEqualTo(before);
    }

    private static Response post(String tenant, String token, String body) {
        return post(tenant, token, bytes(body));
    }

    private static Response post(String tenant, String token, byte[] body) {
        return odooLike().queryParam("token", token).body(body).post("/webhooks/odoo/{tenant}", tenant);
    }

    private static Response signed(byte[] body, String signature) {
        return odooLike().queryParam("token", token(SIGNED)).header(WebhookSignature.HEADER, signature).body(body)
                .post("/webhooks/odoo/{tenant}", SIGNED);
    }

    private static RequestSpecification odooLike() {
        return given().config(AS_ODOO).contentType("application/json").header("User-Agent", "python-requests/2.28.1");
    }

    private static byte[] oversized(int length) {
        byte[] body = new byte[length];
        Arrays.fill(body, (byte) ' ');
        byte[] picking = bytes(PICKING_11);
        System.arraycopy(picking, 0, body, 0, picking.length);
        return body;
    }

    private long stored() {
        return row("select count(*) from webhook_event").getLong(0);
    }

    private long stored(String tenant) {
        return row("select count(*) from webhook_event where tenant = $1", tenant).getLong(0);
    }

    private Row row(String sql, Object... params) {
        return database.preparedQuery(sql).execute(Tuple.from(params)).await().atMost(Duration.ofSeconds(10))
                .iterator().next();
    }

    private static String recorded(String name) {
        return OdooRecording.load("webhook/" + name + ".json").webhookBody();
    }

    private static byte[] bytes(String body) {
        return body.getBytes(StandardCharsets.UTF_8);
    }
}
