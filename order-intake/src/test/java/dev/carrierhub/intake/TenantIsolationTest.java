package dev.carrierhub.intake;

import dev.carrierhub.testsupport.OperatorTokens;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import dev.carrierhub.contracts.Topics;
import dev.carrierhub.contracts.events.ShipmentRequested;
import dev.carrierhub.contracts.shipment.ShipmentIds;
import dev.carrierhub.devstack.DevStackTestResource;
import dev.carrierhub.intake.SweepOdooTestResource.InjectOtherOdoo;
import dev.carrierhub.intake.WriteBackOdooTestResource.InjectOdoo;
import dev.carrierhub.odoo.recordings.OdooRecording;
import dev.carrierhub.odoo.recordings.RecordedOdoo;
import dev.carrierhub.testsupport.KafkaProbe;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * Two tenants whose Odoo databases have the same picking ids: nothing one tenant (its webhook token, its
 * operators) sends or asks can read or change the other's shipments, Odoo, audit trail or settings.
 */
@QuarkusTest
@WithTestResource(value = DevStackTestResource.class,
        initArgs = @ResourceArg(name = DevStackTestResource.DATABASE_ARG, value = "order_intake_sweep"))
@WithTestResource(SweepOdooTestResource.class)
class TenantIsolationTest {
    private static final String FIRST = SweepOdooTestResource.TENANT;
    private static final String SECOND = SweepOdooTestResource.OTHER_TENANT;
    private static final String PICKING_11 = OdooRecording.load("webhook/picking-assigned-fields.json").webhookBody();
    private static final Duration WAIT = Duration.ofSeconds(30);

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @InjectOdoo
    RecordedOdoo firstOdoo;

    @InjectOtherOdoo
    RecordedOdoo secondOdoo;

    @Test
    void theSamePickingIdInTwoTenantsIsTwoShipmentsEachReadFromItsOwnOdoo() {
        KafkaProbe kafka = new KafkaProbe(bootstrapServers);
        int firstOdooReads = firstOdoo.readsOf("stock.picking");
        String second = ShipmentIds.forPicking(SECOND, 11);

        given().contentType(ContentType.JSON).body(PICKING_11)
                .post("/webhooks/odoo/{tenant}?token={token}", SECOND, SweepOdooTestResource.OTHER_TOKEN)
                .then().statusCode(202).body("shipmentId", equalTo(second));

        await().atMost(WAIT).untilAsserted(() -> assertThat(kafka.records(Topics.SHIPMENT_REQUESTED, second)).hasSize(1));
        ShipmentRequested requested = KafkaProbe.payload(kafka.records(Topics.SHIPMENT_REQUESTED, second).get(0),
                ShipmentRequested.class);
        assertThat(requested.shipment().picking().tenant()).isEqualTo(SECOND);
        assertThat(second).isNotEqualTo(ShipmentIds.forPicking(FIRST, 11));
        assertThat(secondOdoo.readsOf("stock.picking")).isPositive();
        assertThat(firstOdoo.readsOf("stock.picking")).as("the first tenant's Odoo is never asked for the second's")
                .isEqualTo(firstOdooReads);
        assertThat(secondOdoo.calls().stream().map(call -> call.model()).distinct())
                .contains("stock.picking", "res.partner");
    }

    @Test
    void oneTenantsTokenOpensNoOtherTenantsWebhook() {
        int auditBefore = auditEntries(FIRST, 12);

        given().contentType(ContentType.JSON).body(PICKING_11.replace("\"_id\": 11", "\"_id\": 12"))
                .post("/webhooks/odoo/{tenant}?token={token}", FIRST, SweepOdooTestResource.OTHER_TOKEN)
                .then().statusCode(401).contentType("application/problem+json");
        given().contentType(ContentType.JSON).header("X-Carrierhub-Token", SweepOdooTestResource.OTHER_TOKEN)
                .body(PICKING_11).post("/webhooks/odoo/{tenant}", FIRST)
                .then().statusCode(401);

        assertThat(auditEntries(FIRST, 12)).as("nothing stored for the first tenant").isEqualTo(auditBefore);
    }

    @Test
    void anOperatorOfOneTenantCanNeitherReadNorChangeTheOthers() {
        RequestSpecification secondsOperator = given().auth()
                .oauth2(OperatorTokens.token("second-ops", Set.of("operator"), List.of(SECOND)));
        int createsBefore = firstOdoo.calls("base.automation", "create").size();
        int searchesBefore = firstOdoo.calls("stock.picking", "search_read").size();

        given().spec(secondsOperator).get("/pickings/{tenant}/{picking}/audit", FIRST, 11).then().statusCode(403)
                .contentType("application/problem+json");
        given().spec(secondsOperator).get("/admin/tenants/{tenant}/mappings", FIRST).then().statusCode(403);
        given().spec(secondsOperator).contentType(ContentType.JSON)
                .body("{\"carrier\": \"ups\", \"serviceCode\": \"03\", \"serviceLevel\": \"STANDARD\"}")
                .put("/admin/tenants/{tenant}/mappings/carriers/{id}", FIRST, 3).then().statusCode(403);
        given().spec(secondsOperator).get("/admin/writebacks?tenant={tenant}", FIRST).then().statusCode(403);
        given().spec(secondsOperator).post("/admin/tenants/{tenant}/sweep", FIRST).then().statusCode(403);
        given().spec(secondsOperator).contentType(ContentType.JSON).body("{\"intakeUrl\": \"https://evil.example\"}")
                .post("/admin/tenants/{tenant}/onboarding", FIRST).then().statusCode(403);

        assertThat(firstOdoo.calls("base.automation", "create")).as("no rule pointed elsewhere").hasSize(createsBefore);
        assertThat(firstOdoo.calls("stock.picking", "search_read")).hasSize(searchesBefore);
        given().spec(secondsOperator).get("/pickings/{tenant}/{picking}/audit", SECOND, 11).then().statusCode(200);
    }

    /** How many audit entries the picking has (the audit answers 404 for a picking it has none of). */
    private static int auditEntries(String tenant, long pickingId) {
        var response = given().auth().oauth2(OperatorTokens.operator())
                .get("/pickings/{tenant}/{picking}/audit", tenant, pickingId).then().extract();
        assertThat(response.statusCode()).isIn(200, 404);
        return response.statusCode() == 404 ? 0 : response.jsonPath().getList("$").size();
    }
}
