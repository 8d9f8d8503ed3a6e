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
import static org.hamcrest.Matchers.hasItems;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import dev.carrierhub.contracts.Json;
import dev.carrierhub.contracts.events.BillingDiscrepancy;
import dev.carrierhub.contracts.events.DiscrepancyKind;
import dev.carrierhub.contracts.events.LabelRef;
import dev.carrierhub.contracts.events.Milestone;
import dev.carrierhub.contracts.events.LabelDeferred;
import dev.carrierhub.contracts.events.ShipmentException;
import dev.carrierhub.contracts.events.ShipmentVoided;
import dev.carrierhub.contracts.events.ShipmentLabeled;
import dev.carrierhub.contracts.events.TrackingUpdated;
import dev.carrierhub.contracts.shipment.Money;
import dev.carrierhub.contracts.shipment.OdooPickingRef;
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
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The write-back executor against a recorded Odoo 18: order per picking, exactly once, Odoo outages, a
 * lost answer, a permanent error and its replay, activities for their owners, and the picking's audit.
 * Each test uses its own picking, so the Odoo calls it counts are its own.
 */
@QuarkusTest
@WithTestResource(value = DevStackTestResource.class,
        initArgs = @ResourceArg(name = DevStackTestResource.DATABASE_ARG, value = "order_intake_writeback"))
@WithTestResource(WriteBackOdooTestResource.class)
class WriteBackFlowTest {
    private static final String TENANT = WriteBackOdooTestResource.TENANT;
    private static final Duration WAIT = Duration.ofSeconds(30);

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
    void aLabelIsWrittenOnceInOrderEvenWhenTheEventIsRedelivered() {
        long picking = 101;
        ShipmentLabeled labeled = labeled(picking);

        String eventId = kafka.send(labeled);
        kafka.send(labeled, eventId);

        awaitAllSent(picking, 3);
        // Redelivered after the writes: still nothing more.
        kafka.send(labeled, eventId);
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5))
                .untilAsserted(() -> assertThat(writeBacks(picking).getList("id")).hasSize(3));

        List<RecordedOdoo.Call> writes = calls(picking, "stock.picking", "write");
        assertThat(writes).singleElement().satisfies(write -> {
            assertThat(write.args().get(1).get("carrier_tracking_ref").asText()).isEqualTo("SBX" + picking);
            assertThat(write.args().get(1).get("carrier_price").decimalValue()).isEqualByComparingTo("12.40");
        });
        List<RecordedOdoo.Call> attachments = calls(picking, "ir.attachment", "create");
        assertThat(attachments).singleElement().satisfies(create -> {
            JsonNode values = create.args().get(0);
            assertThat(values.get("name").asText()).isEqualTo("Label-sandbox-SBX" + picking + "-P1.pdf");
            assertThat(values.get("type").asText()).isEqualTo("binary");
            assertThat(values.get("mimetype").asText()).isEqualTo("application/pdf");
            assertThat(values.get("res_model").asText()).isEqualTo("stock.picking");
            assertThat(java.util.Base64.getDecoder().decode(values.get("datas").asText()))
                    .isEqualTo(WriteBackOdooTestResource.LABEL_PDF);
        });
        List<RecordedOdoo.Call> notes = calls(picking, "stock.picking", "message_post");
        assertThat(notes).singleElement().satisfies(note -> {
            assertThat(note.kwargs().get("attachment_ids").toString()).isEqualTo("[478]");
            assertThat(note.kwargs().get("subtype_xmlid").asText()).isEqualTo("mail.mt_note");
            assertThat(note.kwargs().get("body").asText()).contains("SBX" + picking).doesNotContain("<");
        });
        assertThat(order(picking)).containsExactly("stock.picking.write", "ir.attachment.create",
                "stock.picking.message_post");
        JsonPath rows = writeBacks(picking);
        assertThat(rows.getList("findAll { it.kind == 'label-attachment' }.odooResultId")).containsExactly(478);
        assertThat(rows.getList("attempts", Integer.class)).containsOnly(1);
    }

    @Test
    void whileOdooIsDownWritesWaitAndEachLandsOnceInOrderWhenItIsBack() {
        long picking = 102;
        StubMapping outage = odoo.server().stubFor(post(urlEqualTo("/jsonrpc")).atPriority(0)
                .willReturn(aResponse().withStatus(503).withBody("Service Unavailable")));
        try {
            kafka.send(labeled(picking));
            // Two topics, so no order between them: the milestone is sent once the label's writes are planned.
            await().atMost(WAIT).untilAsserted(() -> assertThat(writeBacks(picking).getList("kind")).hasSize(3));
            kafka.send(new TrackingUpdated(shipmentId(picking), ref(picking), "sandbox", "SBX" + picking,
                    Milestone.IN_TRANSIT, Milestone.PRE_TRANSIT, "IT", "Departed facility", "Reno, NV", Instant.now(),
                    null));

            // The first write keeps failing and is retried; nothing behind it is tried meanwhile.
            await().atMost(WAIT).untilAsserted(() -> {
                JsonPath rows = writeBacks(picking);
                assertThat(rows.getList("kind")).hasSize(4);
                assertThat(rows.getInt("find { it.kind == 'tracking-reference' }.attempts")).isGreaterThanOrEqualTo(3);
                assertThat(rows.getString("find { it.kind == 'tracking-reference' }.lastError"))
                        .containsAnyOf("HTTP 503", "circuit open");
            });
            assertThat(writeBacks(picking).getList("status", String.class)).containsOnly("PLANNED");
            assertThat(writeBacks(picking).getList("findAll { it.kind != 'tracking-reference' }.attempts",
                    Integer.class)).containsOnly(0);
            assertThat(calls(picking, "ir.attachment", "create")).isEmpty();
        } finally {
            odoo.server().removeStub(outage);
        }

        awaitAllSent(picking, 4);
        assertThat(landed(picking, "stock.picking", "write")).hasSize(1);
        assertThat(landed(picking, "ir.attachment", "create")).hasSize(1);
        assertThat(landed(picking, "stock.picking", "message_post")).hasSize(2);
        assertThat(landedOrder(picking)).containsExactly("stock.picking.write", "ir.attachment.create",
                "stock.picking.message_post", "stock.picking.message_post");
        List<RecordedOdoo.Call> notes = landed(picking, "stock.picking", "message_post");
        assertThat(notes.get(0).kwargs().get("body").asText()).startsWith("Label booked");
        assertThat(notes.get(1).kwargs().get("body").asText()).isEqualTo(
                "Tracking SBX" + picking + ": IN_TRANSIT - Departed facility.");
    }

    @Test
    void anAttachmentWhoseAnswerWasLostIsFoundInOdooInsteadOfCreatedTwice() {
        long picking = 104;
        String name = "Label-sandbox-SBX" + picking + "-P1.pdf";
        // Odoo creates the attachment but the connection drops before the answer arrives.
        StubMapping lost = odoo.server().stubFor(post(urlEqualTo("/jsonrpc")).atPriority(0)
                .withRequestBody(matchingJsonPath("$.params.args[3]", WireMock.equalTo("ir.attachment")))
                .withRequestBody(matchingJsonPath("$.params.args[4]", WireMock.equalTo("create")))
                .withRequestBody(matchingJsonPath("$.params.args[5][0].res_id", WireMock.equalTo(Long.toString(picking))))
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        StubMapping search = odoo.server().stubFor(post(urlEqualTo("/jsonrpc")).atPriority(0)
                .withRequestBody(matchingJsonPath("$.params.args[3]", WireMock.equalTo("ir.attachment")))
                .withRequestBody(matchingJsonPath("$.params.args[4]", WireMock.equalTo("search_read")))
                .withRequestBody(matchingJsonPath("$.params.args[5][0]",
                        equalToJson("[[\"res_model\", \"=\", \"stock.picking\"], [\"res_id\", \"=\", " + picking
                                + "], [\"name\", \"=\", \"" + name + "\"]]")))
                .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody(
                        "{\"jsonrpc\": \"2.0\", \"id\": 1, \"result\": [{\"id\": 990, \"name\": \"" + name
                                + "\", \"res_model\": \"stock.picking\", \"res_id\": " + picking + "}]}")));
        try {
            kafka.send(labeled(picking));

            awaitAllSent(picking, 3);
        } finally {
            odoo.server().removeStub(lost);
            odoo.server().removeStub(search);
        }
        assertThat(calls(picking, "ir.attachment", "create")).as("never repeated blindly").hasSize(1);
        JsonPath rows = writeBacks(picking);
        assertThat(rows.getInt("find { it.kind == 'label-attachment' }.odooResultId")).isEqualTo(990);
        assertThat(rows.getInt("find { it.kind == 'label-attachment' }.attempts")).isEqualTo(2);
        assertThat(calls(picking, "stock.picking", "message_post")).singleElement()
                .satisfies(note -> assertThat(note.kwargs().get("attachment_ids").toString()).isEqualTo("[990]"));
    }

    @Test
    void aPermanentErrorFailsAtOnceHoldsThePickingIsDeadLetteredAndReplaysAfterTheFix() throws Exception {
        long picking = 105;
        JsonNode refused = OdooRecording.load("rpc/errors.json").exchanges().stream()
                .filter(e -> e.step().startsWith("write a wrongly typed value")).findFirst().orElseThrow().response();
        StubMapping invalid = odoo.server().stubFor(post(urlEqualTo("/jsonrpc")).atPriority(0)
                .withRequestBody(matchingJsonPath("$.params.args[4]", WireMock.equalTo("write")))
                .withRequestBody(matchingJsonPath("$.params.args[5][0]", equalToJson("[" + picking + "]")))
                .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody(refused.toString())));
        String shipmentId = shipmentId(picking);

        kafka.send(labeled(picking));

        await().atMost(WAIT).untilAsserted(() -> assertThat(as(operator())
                .get("/admin/writebacks?status=FAILED&tenant={t}", TENANT).then().statusCode(200).extract().jsonPath()
                .getList("findAll { it.pickingId == " + picking + " }.kind", String.class))
                .containsExactly("tracking-reference"));
        JsonPath rows = writeBacks(picking);
        String failedId = rows.getString("find { it.kind == 'tracking-reference' }.id");
        assertThat(rows.getString("find { it.kind == 'tracking-reference' }.failure")).isEqualTo("PERMANENT");
        assertThat(rows.getInt("find { it.kind == 'tracking-reference' }.attempts")).isEqualTo(1);
        assertThat(rows.getString("find { it.kind == 'tracking-reference' }.lastError")).contains("ValueError");
        // The picking's later writes wait behind it, untried.
        assertThat(rows.getList("findAll { it.kind != 'tracking-reference' }.status", String.class)).containsOnly("PLANNED");
        assertThat(rows.getList("findAll { it.kind != 'tracking-reference' }.attempts", Integer.class)).containsOnly(0);
        await().atMost(WAIT).untilAsserted(() -> assertThat(kafka.records("odoo.writeback.dlq", shipmentId)).hasSize(1));
        ConsumerRecord<String, byte[]> deadLetter = kafka.records("odoo.writeback.dlq", shipmentId).get(0);
        JsonNode letter = Json.mapper().readTree(deadLetter.value());
        assertThat(letter.get("writeBackId").asText()).isEqualTo(failedId);
        assertThat(letter.get("failure").asText()).isEqualTo("PERMANENT");
        assertThat(letter.get("replay").asText()).isEqualTo("POST /admin/writebacks/" + failedId + "/replay");
        assertThat(audit(picking).getList("toState", String.class)).contains("tracking-reference:FAILED");
        assertThat(calls(picking, "ir.attachment", "create")).isEmpty();

        given().post("/admin/writebacks/{id}/replay", failedId).then().statusCode(401);
        as(token("viewer", Set.of("viewer"), null)).post("/admin/writebacks/{id}/replay", failedId).then().statusCode(403);
        as(token("other-tenant", Set.of("operator"), List.of("acme"))).post("/admin/writebacks/{id}/replay", failedId)
                .then().statusCode(404);

        odoo.server().removeStub(invalid);
        as(operator()).post("/admin/writebacks/{id}/replay", failedId).then().statusCode(200)
                .body("status", equalTo("PLANNED")).body("replays", equalTo(1));

        awaitAllSent(picking, 3);
        assertThat(calls(picking, "stock.picking", "write")).as("the refused write, then the replayed one").hasSize(2);
        assertThat(order(picking)).containsExactly("stock.picking.write", "stock.picking.write", "ir.attachment.create",
                "stock.picking.message_post");
        assertThat(audit(picking).getList("toState", String.class)).containsSubsequence("tracking-reference:FAILED",
                "tracking-reference:PLANNED", "tracking-reference:SENT", "label-attachment:SENT", "label-note:SENT");
        as(operator()).post("/admin/writebacks/{id}/replay", failedId).then().statusCode(409)
                .contentType("application/problem+json");
        assertThat(kafka.records("odoo.writeback.dlq", shipmentId)).hasSize(1);
    }

    @Test
    void anExceptionBecomesOneActivityForItsOwnerDueWithinTheOwnersSla() {
        long booking = 106;
        long address = 107;
        ShipmentException refused = new ShipmentException(shipmentId(booking), ref(booking), "booking",
                "invalid-request", "Carrier says: ZIP 97201 <does not match> Portland & OR", "sandbox", false,
                Instant.parse("2026-03-02T10:00:00Z"));
        ShipmentException badAddress = new ShipmentException(shipmentId(address), ref(address), "intake",
                "address.city.missing", "The ship-to address has no city.", null, false,
                Instant.parse("2026-03-02T22:30:00Z"));

        String eventId = kafka.send(refused);
        kafka.send(refused, eventId);
        kafka.send(badAddress);

        awaitAllSent(booking, 1);
        awaitAllSent(address, 1);
        assertThat(calls(booking, "stock.picking", "activity_schedule")).singleElement().satisfies(activity -> {
            JsonNode kwargs = activity.kwargs();
            assertThat(kwargs.get("user_id").asLong()).isEqualTo(WriteBackOdooTestResource.WAREHOUSE_USER);
            assertThat(kwargs.get("date_deadline").asText()).as("48 h warehouse SLA").isEqualTo("2026-03-04");
            assertThat(kwargs.get("activity_type_id").asLong()).as("resolved through ir.model.data").isEqualTo(6);
            assertThat(kwargs.get("summary").asText()).isEqualTo("Shipping exception: invalid-request");
            assertThat(kwargs.get("note").asText())
                    .isEqualTo("<p>Carrier says: ZIP 97201 &lt;does not match&gt; Portland &amp; OR</p>");
        });
        assertThat(calls(address, "stock.picking", "activity_schedule")).singleElement().satisfies(activity -> {
            assertThat(activity.kwargs().get("user_id").asLong()).isEqualTo(WriteBackOdooTestResource.CUSTOMER_SERVICE_USER);
            assertThat(activity.kwargs().get("date_deadline").asText()).as("4 h customer-service SLA").isEqualTo("2026-03-03");
        });
        assertThat(odoo.calls("ir.model.data", "search_read")).isNotEmpty()
                .allSatisfy(search -> assertThat(search.args().get(0).toString()).contains("mail_activity_data_warning"));
        assertThat(writeBacks(booking).getInt("find { it.kind == 'exception-activity' }.odooResultId")).isEqualTo(4);
    }

    @Test
    void aVoidedAndADeferredLabelBecomeNotesOnTheirPickings() {
        long voidedPicking = 109;
        long deferredPicking = 110;
        kafka.send(new ShipmentVoided(shipmentId(voidedPicking), ref(voidedPicking), "sandbox", "shp_1",
                "SBX" + voidedPicking, "customer cancelled", Instant.now()));
        kafka.send(new LabelDeferred(shipmentId(deferredPicking), ref(deferredPicking), "sandbox", "SBX_ECONOMY",
                "sandbox unreachable", 1, Instant.parse("2026-03-02T10:05:00Z"), Instant.parse("2026-03-02T10:00:00Z")));

        awaitAllSent(voidedPicking, 1);
        awaitAllSent(deferredPicking, 1);
        assertThat(calls(voidedPicking, "stock.picking", "message_post")).singleElement().satisfies(note ->
                assertThat(note.kwargs().toString()).contains("Label voided with sandbox (tracking SBX109)"));
        assertThat(calls(deferredPicking, "stock.picking", "message_post")).singleElement().satisfies(note ->
                assertThat(note.kwargs().toString()).contains("Label delayed: sandbox is not available")
                        .contains("2026-03-02T10:05:00Z"));
    }

    @Test
    void aBillingDiscrepancyBecomesAFinanceActivityWithItsText() {
        long picking = 108;
        kafka.send(new BillingDiscrepancy(shipmentId(picking), ref(picking), "sandbox", "INV-2026-0042", "SBX" + picking,
                DiscrepancyKind.WEIGHT_ADJUSTMENT, Money.of("12.40", "USD"), Money.of("19.90", "USD"),
                Money.of("7.50", "USD"), "Billed weight 6 kg, booked 4.97 kg.", Instant.parse("2026-03-02T10:00:00Z")));

        awaitAllSent(picking, 1);
        assertThat(calls(picking, "stock.picking", "activity_schedule")).singleElement().satisfies(activity -> {
            JsonNode kwargs = activity.kwargs();
            assertThat(kwargs.get("user_id").asLong()).isEqualTo(WriteBackOdooTestResource.FINANCE_USER);
            assertThat(kwargs.get("date_deadline").asText()).isEqualTo("2026-03-07");
            assertThat(kwargs.get("summary").asText()).isEqualTo("Billing discrepancy: weight adjustment on invoice INV-2026-0042");
            assertThat(kwargs.get("note").asText()).contains("billed 19.90 USD, expected 12.40 USD, variance 7.50 USD")
                    .contains("Billed weight 6 kg, booked 4.97 kg.");
        });
    }

    @Test
    void thePickingsAuditTrailListsItsWebhookAndItsWrites() {
        long picking = 11;
        String shipmentId = shipmentId(picking);
        given().contentType(ContentType.JSON).body(OdooRecording.load("webhook/picking-assigned-fields.json").webhookBody())
                .post("/webhooks/odoo/{tenant}?token={token}", TENANT, WriteBackOdooTestResource.TOKEN)
                .then().statusCode(202);
        kafka.send(labeled(picking));

        awaitAllSent(picking, 3);
        await().atMost(WAIT).untilAsserted(() -> assertThat(audit(picking).getList("toState", String.class))
                .contains("webhook:RECEIVED", "tracking-reference:SENT", "label-attachment:SENT", "label-note:SENT"));
        JsonPath audit = audit(picking);
        assertThat(audit.getList("correlationId", String.class)).containsOnly(shipmentId);
        assertThat(audit.getList("actor", String.class)).containsOnly("order-intake");
        assertThat(audit.getString("find { it.toState == 'label-attachment:SENT' }.detail")).contains("Odoo id 478");

        given().get("/pickings/{tenant}/{picking}/audit", TENANT, picking).then().statusCode(401)
                .contentType("application/problem+json");
        as(token("acme-operator", Set.of("operator"), List.of("acme"))).get("/pickings/{tenant}/{picking}/audit", TENANT,
                picking).then().statusCode(403);
        as(operator()).get("/pickings/{tenant}/{picking}/audit", TENANT, 999_999).then().statusCode(404);
        as(operator()).get("/admin/writebacks?status=SENT&pickingId={p}", picking).then().statusCode(200)
                .body("kind", hasItems("tracking-reference", "label-attachment", "label-note"));
        as(operator()).get("/admin/writebacks?status=nonsense").then().statusCode(400)
                .contentType("application/problem+json");
    }

    private void awaitAllSent(long picking, int count) {
        await().atMost(WAIT).untilAsserted(() -> {
            JsonPath rows = writeBacks(picking);
            assertThat(rows.getList("status", String.class)).hasSize(count).containsOnly("SENT");
        });
    }

    private static JsonPath writeBacks(long picking) {
        return as(operator()).get("/admin/writebacks?tenant={t}&pickingId={p}", TENANT, picking)
                .then().statusCode(200).extract().jsonPath();
    }

    private static JsonPath audit(long picking) {
        return as(operator()).get("/pickings/{tenant}/{picking}/audit", TENANT, picking)
                .then().statusCode(200).extract().jsonPath();
    }

    /** The calls of one model and method about one picking (ids in args[0], or res_id in a create). */
    private List<RecordedOdoo.Call> calls(long picking, String model, String method) {
        return odoo.calls(model, method).stream().filter(call -> about(call, picking)).toList();
    }

    /** Those of them that Odoo answered (not the outage's 503s). */
    private List<RecordedOdoo.Call> landed(long picking, String model, String method) {
        return calls(picking, model, method).stream().filter(call -> call.status() == 200).toList();
    }

    private List<String> order(long picking) {
        return odoo.calls().stream().filter(call -> about(call, picking)).filter(WriteBackFlowTest::isWrite)
                .map(call -> call.model() + "." + call.method()).toList();
    }

    private List<String> landedOrder(long picking) {
        return odoo.calls().stream().filter(call -> about(call, picking) && call.status() == 200)
                .filter(WriteBackFlowTest::isWrite).map(call -> call.model() + "." + call.method()).toList();
    }

    private static boolean isWrite(RecordedOdoo.Call call) {
        return Set.of("write", "create", "message_post", "activity_schedule").contains(call.method());
    }

    private static boolean about(RecordedOdoo.Call call, long picking) {
        JsonNode first = call.args().path(0);
        if (first.isArray()) {
            return first.size() == 1 && first.get(0).asLong() == picking;
        }
        return first.path("res_id").asLong() == picking;
    }

    private ShipmentLabeled labeled(long picking) {
        return new ShipmentLabeled(shipmentId(picking), ref(picking), "sandbox", "SBX_STANDARD", "sbx_" + picking,
                "SBX" + picking, Money.of("12.40", "USD"), Money.of("12.40", "USD"),
                List.of(new LabelRef("P1", "PDF", labelUrl(picking), sha256(WriteBackOdooTestResource.LABEL_PDF),
                        WriteBackOdooTestResource.LABEL_PDF.length)),
                Instant.now());
    }

    /** Where label-service would serve the label: the test Odoo's WireMock plays it. */
    private String labelUrl(long picking) {
        return odoo.url() + "/labels/" + picking + "-P1.pdf";
    }

    private static OdooPickingRef ref(long picking) {
        return new OdooPickingRef(TENANT, picking, "WH/OUT/" + picking, null);
    }

    private static String shipmentId(long picking) {
        return ShipmentIds.forPicking(TENANT, picking);
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static RequestSpecification as(String token) {
        return given().auth().oauth2(token);
    }

    private static String operator() {
        return OperatorTokens.operator();
    }

    private static String token(String user, Set<String> groups, List<String> tenants) {
        return OperatorTokens.token(user, groups, tenants);
    }
}
