package dev.carrierhub.rating;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.carrierhub.contracts.Json;
import dev.carrierhub.contracts.Topics;
import dev.carrierhub.contracts.events.ShipmentException;
import dev.carrierhub.contracts.events.ShipmentRated;
import dev.carrierhub.contracts.events.ShipmentRequested;
import dev.carrierhub.contracts.shipment.OdooPickingRef;
import dev.carrierhub.contracts.shipment.ServiceLevel;
import dev.carrierhub.contracts.shipment.Shipment;
import dev.carrierhub.devstack.DevStackTestResource;
import dev.carrierhub.testsupport.KafkaProbe;
import dev.carrierhub.testsupport.SandboxCarrierTestResource;
import dev.carrierhub.testsupport.TestShipments;
import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Routing as configured for the test tenants (application.properties, %test): "prefs" prefers sandbox-b for
 * warehouse WH, "levels" takes the cheapest quote at the requested level, "quick" the fastest; sandbox does
 * not deliver to PO boxes and sandbox-b takes no hazardous goods.
 */
@QuarkusTest
@WithTestResource(value = DevStackTestResource.class,
        initArgs = @ResourceArg(name = DevStackTestResource.DATABASE_ARG, value = "rate_shopping"))
@WithTestResource(SandboxCarrierTestResource.class)
@WithTestResource(SecondSandboxTestResource.class)
class RateShoppingPolicyTest {
    private static final Duration WAIT = Duration.ofSeconds(30);

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    MeterRegistry meters;

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
    void thePreferredCarrierOfTheWarehouseIsChosenAndTheDecisionIsKeptWithEveryQuote() throws Exception {
        Shipment shipment = TestRequests.shipment("prefs");

        kafka.send(new ShipmentRequested(shipment, Instant.now()));

        ShipmentRated rated = awaitRated(shipment);
        assertThat(rated.chosen().carrier()).as("cheapest would take sandbox (same price, name first)")
                .isEqualTo("sandbox-b");
        assertThat(rated.chosen().serviceCode()).isEqualTo("SBX_ECONOMY");
        assertThat(rated.policy()).startsWith("preferred: sandbox-b is preferred for warehouse WH: sandbox-b SBX_ECONOMY");
        assertThat(rated.alternatives()).hasSize(5);
        assertThat(rated.alternatives().subList(0, 2)).extracting(q -> q.carrier())
                .as("the preferred carrier's other services first").containsOnly("sandbox-b");

        Map<String, Object> row = await().atMost(WAIT).until(() -> decision(shipment.shipmentId()), r -> !r.isEmpty());
        assertThat(row).containsEntry("outcome", "RATED").containsEntry("tenant", "prefs")
                .containsEntry("policy", "preferred").containsEntry("chosen_carrier", "sandbox-b")
                .containsEntry("deadline_ms", 2000);
        assertThat((String) row.get("reason")).startsWith("sandbox-b is preferred for warehouse WH");
        var answers = Json.mapper().readTree((String) row.get("carrier_answers"));
        assertThat(answers).hasSize(2);
        assertThat(answers.findValuesAsText("carrier")).contains("sandbox", "sandbox-b");
        assertThat(answers.get(0).get("quotes")).as("every quote is kept").hasSize(3);
        assertThat(Json.mapper().readTree((String) row.get("ranked_quotes"))).hasSize(6);
    }

    @Test
    void theCheapestQuoteAtTheRequestedLevelIsChosenAndTheOnesBelowAreListed() {
        Shipment shipment = TestRequests.shipment("levels");

        JsonPath answer = rate(shipment);

        assertThat(answer.getString("policy")).isEqualTo("cheapest-in-level");
        assertThat(answer.getString("quotes[0].serviceCode")).as("economy is below STANDARD").isEqualTo("SBX_STANDARD");
        assertThat(answer.getList("quotes.serviceCode")).doesNotContain("SBX_ECONOMY");
        assertThat(answer.getList("rejected.reason", String.class)).hasSize(2)
                .containsOnly("service level ECONOMY is below the requested STANDARD");
        assertThat(answer.getString("reason")).contains("(2 below it left out)");
    }

    @Test
    void theFastestTenantGetsExpress() {
        JsonPath answer = rate(TestRequests.shipment("quick"));

        assertThat(answer.getString("policy")).isEqualTo("fastest");
        assertThat(answer.getString("quotes[0].serviceCode")).isEqualTo("SBX_EXPRESS");
        assertThat(answer.getString("reason")).startsWith("fewest transit days of 6 quotes from 2 carriers");
    }

    @Test
    void aCarrierThatDoesNotDeliverToPoBoxesIsNotAskedAndTheOtherOneIsChosen() {
        long asked = SandboxCarrierTestResource.server().stats().rateRequests();
        Shipment toPoBox = TestRequests.shipment("acme", TestRequests.PO_BOX, ServiceLevel.STANDARD, false);

        JsonPath answer = rate(toPoBox);

        assertThat(answer.getString("quotes[0].carrier")).isEqualTo("sandbox-b");
        assertThat(answer.getList("quotes.carrier")).containsOnly("sandbox-b");
        assertThat(answer.getString("carriers[0].outcome")).isEqualTo("excluded");
        assertThat(answer.getString("carriers[0].detail")).contains("PO box (\"postfach\")");
        assertThat(SandboxCarrierTestResource.server().stats().rateRequests()).as("not asked").isEqualTo(asked);
    }

    @Test
    void whenTheRulesLeaveNoCarrierTheShipmentBecomesAnExceptionWithEachCarriersReason() {
        Shipment hazardousToPoBox = TestRequests.shipment("acme", TestRequests.PO_BOX, ServiceLevel.STANDARD, true);

        kafka.send(new ShipmentRequested(hazardousToPoBox, Instant.now()));

        await().atMost(WAIT).untilAsserted(() ->
                assertThat(kafka.records(Topics.SHIPMENT_EXCEPTION, hazardousToPoBox.shipmentId())).hasSize(1));
        ShipmentException exception = KafkaProbe.payload(
                kafka.records(Topics.SHIPMENT_EXCEPTION, hazardousToPoBox.shipmentId()).get(0), ShipmentException.class);
        assertThat(exception.stage()).isEqualTo("rating");
        assertThat(exception.reasonCode()).isEqualTo("no-eligible-carrier");
        assertThat(exception.message()).contains("sandbox (excluded: the ship-to address is a PO box")
                .contains("sandbox-b (excluded: the carrier takes no hazardous goods)");
        assertThat(exception.retryable()).as("someone has to change the shipment").isFalse();
        assertThat(kafka.records(Topics.SHIPMENT_RATED, hazardousToPoBox.shipmentId())).isEmpty();
    }

    @Test
    void aRedeliveredRequestYieldsOneRatedEventAndOneDecision() {
        Shipment shipment = TestShipments.domestic();
        double duplicatesBefore = duplicates();

        String eventId = kafka.send(new ShipmentRequested(shipment, Instant.now()));
        kafka.send(new ShipmentRequested(shipment, Instant.now()), eventId);

        awaitRated(shipment);
        await().atMost(WAIT).until(() -> duplicates() >= duplicatesBefore + 1);
        assertThat(kafka.records(Topics.SHIPMENT_RATED, shipment.shipmentId())).hasSize(1);
        assertThat(decisions(shipment.shipmentId())).isEqualTo(1);
    }

    @Test
    void aRepeatedLookUpIsServedFromTheCacheButNeverToAnotherTenant() throws Exception {
        Shipment acme = TestRequests.shipment("acme");
        Shipment sameAgain = new Shipment("another-id", acme.picking(), acme.shipFrom(), acme.shipTo(), acme.parcels(),
                acme.declaredValue(), acme.serviceLevel(), acme.customsLines(), acme.hazardous(), null);
        Shipment otherTenant = new Shipment("globex-id", new OdooPickingRef("globex",
                acme.picking().pickingId(), acme.picking().pickingName(), null), acme.shipFrom(), acme.shipTo(),
                acme.parcels(), acme.declaredValue(), acme.serviceLevel(), acme.customsLines(), acme.hazardous(), null);
        long asked = SandboxCarrierTestResource.server().stats().rateRequests();

        assertThat(rate(acme).getBoolean("cached")).isFalse();
        JsonPath cached = rate(sameAgain);
        assertThat(cached.getBoolean("cached")).isTrue();
        assertThat(cached.getString("shipmentId")).isEqualTo("another-id");
        assertThat(SandboxCarrierTestResource.server().stats().rateRequests()).isEqualTo(asked + 1);

        assertThat(rate(otherTenant).getBoolean("cached")).isFalse();
        assertThat(SandboxCarrierTestResource.server().stats().rateRequests()).isEqualTo(asked + 2);
    }

    static JsonPath rate(Shipment shipment) {
        try {
            return given().contentType(ContentType.JSON).body(Json.mapper().writeValueAsString(shipment))
                    .post("/rates").then().statusCode(200).extract().jsonPath();
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private ShipmentRated awaitRated(Shipment shipment) {
        await().atMost(WAIT).untilAsserted(() ->
                assertThat(kafka.records(Topics.SHIPMENT_RATED, shipment.shipmentId())).hasSize(1));
        return KafkaProbe.payload(kafka.records(Topics.SHIPMENT_RATED, shipment.shipmentId()).get(0),
                ShipmentRated.class);
    }

    private Map<String, Object> decision(String shipmentId) throws Exception {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement("select outcome, tenant, policy, reason, "
                        + "chosen_carrier, deadline_ms, carrier_answers, ranked_quotes from rating_decision "
                        + "where shipment_id = ?")) {
            query.setString(1, shipmentId);
            try (ResultSet rows = query.executeQuery()) {
                Map<String, Object> row = new LinkedHashMap<>();
                if (rows.next()) {
                    for (int i = 1; i <= rows.getMetaData().getColumnCount(); i++) {
                        row.put(rows.getMetaData().getColumnName(i), rows.getObject(i));
                    }
                }
                return row;
            }
        }
    }

    private double duplicates() {
        Counter counter = meters.find("carrierhub.events.consumed")
                .tags("consumer", "rate-shopping.shipment-requested", "outcome", "duplicate").counter();
        return counter == null ? 0 : counter.count();
    }

    private int decisions(String shipmentId) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement(
                        "select count(*) from rating_decision where shipment_id = ?")) {
            query.setString(1, shipmentId);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
