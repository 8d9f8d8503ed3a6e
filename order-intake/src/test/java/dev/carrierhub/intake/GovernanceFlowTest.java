package dev.carrierhub.intake;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.carrierhub.contracts.Topics;
import dev.carrierhub.contracts.events.ShipmentException;
import dev.carrierhub.contracts.events.ShipmentRequested;
import dev.carrierhub.contracts.shipment.LengthUnit;
import dev.carrierhub.contracts.shipment.ServiceLevel;
import dev.carrierhub.contracts.shipment.Shipment;
import dev.carrierhub.contracts.shipment.ShipmentIds;
import dev.carrierhub.devstack.DevStackTestResource;
import dev.carrierhub.odoo.recordings.OdooRecording;
import dev.carrierhub.testsupport.KafkaProbe;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The recorded picking 11 under tenants with mapping tables and strict rules, end to end through Kafka. */
@QuarkusTest
@TestProfile(GovernanceTestProfile.class)
@WithTestResource(value = DevStackTestResource.class,
        initArgs = @ResourceArg(name = DevStackTestResource.DATABASE_ARG, value = "order_intake_governance"))
@WithTestResource(RecordedOdooTestResource.class)
class GovernanceFlowTest {
    private static final String PICKING_11 = OdooRecording.load("webhook/picking-assigned-fields.json").webhookBody();

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    KafkaProbe kafka;

    @BeforeEach
    void probe() {
        kafka = new KafkaProbe(bootstrapServers);
    }

    @Test
    void aMappedOdooCarrierBecomesThePreferredCarrierAndServiceLevel() {
        String shipmentId = ShipmentIds.forPicking(GovernanceTestProfile.MAPPED, 11);

        postWebhook(GovernanceTestProfile.MAPPED, PICKING_11);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(kafka.records(Topics.SHIPMENT_REQUESTED, shipmentId)).hasSize(1));
        Shipment shipment = KafkaProbe.payload(kafka.records(Topics.SHIPMENT_REQUESTED, shipmentId).get(0),
                ShipmentRequested.class).shipment();
        // Odoo's carrier_id [3, "UPS Ground (middleware)"] is mapped to sandbox / SBX_ECONOMY / ECONOMY.
        assertThat(shipment.preferredCarrier()).isEqualTo("sandbox");
        assertThat(shipment.serviceLevel()).isEqualTo(ServiceLevel.ECONOMY);
        assertThat(shipment.parcels()).singleElement().satisfies(parcel -> {
            assertThat(parcel.dimensions().unit()).isEqualTo(LengthUnit.CM);
            assertThat(parcel.dimensions().length()).isEqualByComparingTo("40");
            assertThat(parcel.dimensions().height()).isEqualByComparingTo("20");
            assertThat(parcel.packageType()).isEqualTo("Box M");
            assertThat(parcel.weight().value()).isEqualByComparingTo("4.970");
        });
        assertThat(shipment.shipTo().phone()).as("E.164").isEqualTo("+15035550199");
        assertThat(shipment.customsLines()).as("US to US").isEmpty();
        assertThat(kafka.records(Topics.SHIPMENT_EXCEPTION, shipmentId)).isEmpty();
    }

    @Test
    void aPickingFailingValidationPublishesExactlyOneExceptionWithEveryReason() {
        String shipmentId = ShipmentIds.forPicking(GovernanceTestProfile.STRICT, 11);

        postWebhook(GovernanceTestProfile.STRICT, PICKING_11);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(kafka.records(Topics.SHIPMENT_EXCEPTION, shipmentId)).isNotEmpty());
        // Nothing more follows: no second exception, no shipment.
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                assertThat(kafka.records(Topics.SHIPMENT_EXCEPTION, shipmentId)).hasSize(1));
        assertThat(kafka.records(Topics.SHIPMENT_REQUESTED, shipmentId)).isEmpty();
        ShipmentException exception = KafkaProbe.payload(kafka.records(Topics.SHIPMENT_EXCEPTION, shipmentId).get(0),
                ShipmentException.class);
        assertThat(exception.stage()).isEqualTo("intake");
        assertThat(exception.reasonCode()).isEqualTo("parcel.weight.exceeds-limit");
        assertThat(exception.picking().pickingId()).isEqualTo(11);
        assertThat(exception.message()).startsWith("Picking WH/OUT/00011 failed 2 validation rules:\n")
                .contains("- [parcel.weight.exceeds-limit] parcels[0].weight: ")
                .contains("- [parcel.dimensions.exceeds-limit] parcels[0].dimensions: ")
                .contains("more than the 2 kg allowed");
        assertThat(exception.retryable()).isFalse();
    }

    private static void postWebhook(String tenant, String body) {
        given().contentType(ContentType.JSON).body(body)
                .post("/webhooks/odoo/{tenant}?token={token}", tenant, GovernanceTestProfile.token(tenant))
                .then().statusCode(202);
    }
}
