package dev.carrierhub.label;

import dev.carrierhub.testsupport.TestShipments;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;

import dev.carrierhub.carriers.sandbox.SandboxCarrierServer;
import dev.carrierhub.contracts.EventType;
import dev.carrierhub.contracts.Topics;
import dev.carrierhub.contracts.events.LabelDeferred;
import dev.carrierhub.contracts.events.LabelRef;
import dev.carrierhub.contracts.events.Quote;
import dev.carrierhub.contracts.events.ShipmentException;
import dev.carrierhub.contracts.events.ShipmentLabeled;
import dev.carrierhub.contracts.events.ShipmentRated;
import dev.carrierhub.contracts.shipment.Money;
import dev.carrierhub.contracts.shipment.Parcel;
import dev.carrierhub.contracts.shipment.ServiceLevel;
import dev.carrierhub.contracts.shipment.Shipment;
import dev.carrierhub.contracts.shipment.Weight;
import dev.carrierhub.contracts.shipment.WeightUnit;
import dev.carrierhub.devstack.DevStackTestResource;
import dev.carrierhub.testsupport.KafkaProbe;
import dev.carrierhub.testsupport.OperatorTokens;
import dev.carrierhub.testsupport.SandboxCarrierTestResource;
import io.agroal.api.AgroalDataSource;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ThreadLocalRandom;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.net.URI;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(value = DevStackTestResource.class,
        initArgs = @ResourceArg(name = DevStackTestResource.DATABASE_ARG, value = "label_service"))
@WithTestResource(SandboxCarrierTestResource.class)
class LabelServiceFlowTest {
    private static final Duration WAIT = Duration.ofSeconds(30);

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    MeterRegistry meters;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    InMemorySpanExporter spans;

    KafkaProbe kafka;

    @BeforeEach
    void probe() {
        kafka = new KafkaProbe(bootstrapServers);
    }

    @AfterEach
    void resetSandbox() {
        sandbox().behaviour().reset();
    }

    @Test
    void aRatedShipmentIsBookedOnceAndItsPdfLabelIsServed() throws Exception {
        Shipment shipment = TestShipments.domestic();
        long bookingsBefore = sandbox().stats().bookings();
        String traceId = HexFormat.of().formatHex(randomBytes(16));
        spans.reset();

        kafka.sendTraced(rated(shipment, "SBX_ECONOMY"), "00-" + traceId + "-" + HexFormat.of().formatHex(randomBytes(8)) + "-01");

        ShipmentLabeled labeled = awaitLabeled(shipment);
        assertThat(labeled.carrier()).isEqualTo("sandbox");
        assertThat(labeled.serviceCode()).isEqualTo("SBX_ECONOMY");
        assertThat(labeled.trackingNumber()).startsWith("SBX");
        assertThat(labeled.carrierShipmentId()).startsWith("shp_");
        assertThat(labeled.picking()).isEqualTo(shipment.picking());
        assertThat(labeled.price().amount()).isEqualByComparingTo("6.90");
        assertThat(labeled.quotedPrice()).isEqualTo(Money.of("6.90", "EUR"));
        assertThat(labeled.labels()).hasSize(1);
        LabelRef ref = labeled.labels().get(0);
        assertThat(ref.format()).isEqualTo("PDF");
        assertThat(ref.parcelReference()).isEqualTo("P1");
        assertThat(ref.url()).startsWith("http://localhost:8083/shipments/" + shipment.shipmentId() + "/labels/");

        given().get("/shipments/{id}/label", shipment.shipmentId()).then().statusCode(401);
        given().auth().oauth2(OperatorTokens.token("someone@carrierhub.test", Set.of("viewer"), null))
                .get("/shipments/{id}/label", shipment.shipmentId()).then().statusCode(403);
        Response first = given().auth().oauth2(OperatorTokens.token("printer@carrierhub.test", Set.of("label-reader"), null))
                .get("/shipments/{id}/label", shipment.shipmentId());
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.contentType()).isEqualTo("application/pdf");
        byte[] pdf = first.asByteArray();
        assertThat(new String(pdf, 0, 4, StandardCharsets.US_ASCII)).isEqualTo("%PDF");
        assertThat(pdf).hasSize((int) ref.sizeBytes());
        assertThat(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(pdf))).isEqualTo(ref.sha256());
        assertThat(given().get(URI.create(ref.url()).getPath()).then().statusCode(200)
                .contentType("application/pdf").extract().asByteArray()).isEqualTo(pdf);

        given().get("/shipments/{id}/booking", shipment.shipmentId()).then().statusCode(200)
                .body("state", equalTo("BOOKED"))
                .body("attempts", equalTo(1))
                .body("trackingNumber", equalTo(labeled.trackingNumber()))
                .body("idempotencyKey", equalTo("booking:" + shipment.shipmentId()))
                .body("labels[0].url", equalTo(ref.url()));
        assertThat(sandbox().stats().bookings()).isEqualTo(bookingsBefore + 1);

        ConsumerRecord<String, byte[]> record = kafka.records(Topics.SHIPMENT_LABELED, shipment.shipmentId()).get(0);
        assertThat(KafkaProbe.header(record, "ce_type")).isEqualTo(EventType.SHIPMENT_LABELED.ceType());
        assertThat(KafkaProbe.header(record, "ce_source")).isEqualTo("/carrierhub/label-service");
        assertThat(KafkaProbe.header(record, "traceparent")).as("the booking continues the rated event's trace")
                .startsWith("00-" + traceId + "-");
        await().atMost(WAIT).untilAsserted(() -> assertThat(spans.getFinishedSpanItems())
                .as("the booking call is a client span of the same trace")
                .anyMatch(span -> span.getTraceId().equals(traceId) && span.getName().equals("sandbox ship")
                        && span.getKind() == SpanKind.CLIENT));
        Timer ratedToLabel = meters.find("carrierhub.label.rated.to.labeled").tag("carrier", "sandbox").timer();
        assertThat(ratedToLabel).isNotNull();
        assertThat(ratedToLabel.count()).isGreaterThanOrEqualTo(1);
        Timer requestedToLabel = meters.find("carrierhub.label.requested.to.labeled").tag("carrier", "sandbox").timer();
        assertThat(requestedToLabel).as("shipment.rated carries requestedAt").isNotNull();
        assertThat(requestedToLabel.max(java.util.concurrent.TimeUnit.MILLISECONDS)).isGreaterThanOrEqualTo(2000);
    }

    @Test
    void aShipmentOfTwoParcelsGetsOneLabelPerParcelEachServedByItsUrl() {
        Shipment one = TestShipments.domestic();
        Parcel second = new Parcel("P2", new Weight(new java.math.BigDecimal("4.0"), WeightUnit.KG), null, "box");
        Shipment shipment = new Shipment(one.shipmentId(), one.picking(), one.shipFrom(), one.shipTo(),
                List.of(one.parcels().get(0), second), one.declaredValue(), one.serviceLevel(), List.of(), false, null);

        kafka.send(rated(shipment, "SBX_ECONOMY"));

        ShipmentLabeled labeled = awaitLabeled(shipment);
        assertThat(labeled.labels()).extracting(LabelRef::parcelReference).containsExactly("P1", "P2");
        assertThat(labeled.labels()).extracting(LabelRef::url).doesNotHaveDuplicates();
        for (LabelRef ref : labeled.labels()) {
            byte[] pdf = given().get(URI.create(ref.url()).getPath()).then().statusCode(200)
                    .contentType("application/pdf").extract().asByteArray();
            assertThat(pdf).hasSize((int) ref.sizeBytes());
        }
        given().get("/shipments/{id}/booking", shipment.shipmentId()).then()
                .body("labels.parcelReference", org.hamcrest.Matchers.contains("P1", "P2"));
    }

    @Test
    void theAuditTrailRecordsEveryTransitionAndRefusesToBeRewritten() {
        Shipment shipment = TestShipments.domestic();
        kafka.send(rated(shipment, "SBX_STANDARD"));
        awaitLabeled(shipment);

        List<String> transitions = given().get("/shipments/{id}/audit", shipment.shipmentId()).then().statusCode(200)
                .extract().jsonPath().getList("collect { (it.fromState ?: '') + '>' + it.toState }", String.class);
        assertThat(transitions).containsExactly(">REQUESTED", "REQUESTED>BOOKED");
        given().get("/shipments/{id}/audit", shipment.shipmentId()).then()
                .body("[1].actor", equalTo("label-service"))
                .body("[1].traceparent", org.hamcrest.Matchers.startsWith("00-"));

        assertThatThrownBy(() -> execute("update audit_entry set detail = 'rewritten' where entity_id = ?",
                shipment.shipmentId())).isInstanceOf(SQLException.class).hasMessageContaining("append-only");
        assertThatThrownBy(() -> execute("delete from audit_entry where entity_id = ?", shipment.shipmentId()))
                .isInstanceOf(SQLException.class).hasMessageContaining("append-only");
        assertThat(given().get("/shipments/{id}/audit", shipment.shipmentId()).then().extract().jsonPath()
                .getList("detail", String.class)).doesNotContain("rewritten").hasSize(2);
    }

    @Test
    void theSameRatedShipmentDeliveredThreeTimesIsBookedAndLabeledOnce() {
        Shipment shipment = TestShipments.domestic();
        ShipmentRated rated = rated(shipment, "SBX_ECONOMY");
        long bookingsBefore = sandbox().stats().bookings();
        long requestsBefore = sandbox().stats().bookingRequests();
        double redeliveredBefore = counter("carrierhub.events.consumed", "consumer", "label-service.shipment-rated",
                "outcome", "duplicate");
        double reratedBefore = counter("carrierhub.label.requests", "outcome", "duplicate");

        String eventId = kafka.send(rated);
        kafka.send(rated, eventId);
        kafka.send(rated);

        awaitLabeled(shipment);
        await().atMost(WAIT).until(() -> counter("carrierhub.events.consumed", "consumer",
                "label-service.shipment-rated", "outcome", "duplicate") >= redeliveredBefore + 1
                && counter("carrierhub.label.requests", "outcome", "duplicate") >= reratedBefore + 1);
        assertThat(kafka.records(Topics.SHIPMENT_LABELED, shipment.shipmentId())).hasSize(1);
        assertThat(sandbox().stats().bookings()).isEqualTo(bookingsBefore + 1);
        assertThat(sandbox().stats().bookingRequests()).as("the carrier was asked once").isEqualTo(requestsBefore + 1);
    }

    @Test
    void aCarrierFailingForAWhileIsRetriedUntilItBooksAndStillBooksOnce() {
        Shipment shipment = TestShipments.domestic();
        long bookingsBefore = sandbox().stats().bookings();
        sandbox().behaviour().failureRate(1.0);
        try {
            kafka.send(rated(shipment, "SBX_ECONOMY"));

            await().atMost(WAIT).untilAsserted(() -> assertThat(given().get("/shipments/{id}/audit",
                    shipment.shipmentId()).then().statusCode(200).extract().jsonPath().getList("detail", String.class))
                    .anyMatch(detail -> detail.startsWith("attempt 2 failed (transient)")));
            assertThat(kafka.records(Topics.SHIPMENT_LABELED, shipment.shipmentId())).isEmpty();
        } finally {
            sandbox().behaviour().reset();
        }

        awaitLabeled(shipment);
        given().get("/shipments/{id}/booking", shipment.shipmentId()).then().body("state", equalTo("BOOKED"));
        assertThat(sandbox().stats().bookings()).isEqualTo(bookingsBefore + 1);
        List<String> details = given().get("/shipments/{id}/audit", shipment.shipmentId()).then().extract().jsonPath()
                .getList("detail", String.class);
        assertThat(details).anyMatch(detail -> detail.startsWith("attempt 1 failed (transient)"));
        assertThat(details.get(details.size() - 1)).contains("booked");
        assertThat(kafka.records(Topics.SHIPMENT_EXCEPTION, shipment.shipmentId())).isEmpty();
    }

    @Test
    void aBookingWhoseAnswerWasLostIsFoundByItsKeyInsteadOfBookedTwice() {
        Shipment shipment = TestShipments.domestic();
        long bookingsBefore = sandbox().stats().bookings();
        sandbox().behaviour().hang();
        try {
            kafka.send(rated(shipment, "SBX_ECONOMY"));

            // The sandbox holds the call past the client's timeout, then books it when released.
            await().atMost(WAIT).untilAsserted(() -> given().get("/shipments/{id}/booking", shipment.shipmentId())
                    .then().statusCode(200).body("attempts", greaterThanOrEqualTo(1))
                    .body("lastError", org.hamcrest.Matchers.notNullValue()));
        } finally {
            sandbox().behaviour().release().reset();
        }

        awaitLabeled(shipment);
        given().get("/shipments/{id}/booking", shipment.shipmentId()).then().body("state", equalTo("BOOKED"));
        assertThat(sandbox().stats().bookings()).as("the held call and the retry made one booking")
                .isEqualTo(bookingsBefore + 1);
        assertThat(kafka.records(Topics.SHIPMENT_LABELED, shipment.shipmentId())).hasSize(1);
    }

    @Test
    void aCarrierThatIsDownParksTheBookingWhichIsBookedOnceWhenTheCarrierIsBack() {
        Shipment shipment = TestShipments.domestic();
        long bookingsBefore = sandbox().stats().bookings();
        double deferralsBefore = counter("carrierhub.label.deferrals", "carrier", "sandbox");
        sandbox().behaviour().outage(true);
        try {
            kafka.send(rated(shipment, "SBX_ECONOMY"));

            // No alternative to fall back to: the booking is parked and announced on label.deferred.
            await().atMost(WAIT).untilAsserted(() ->
                    assertThat(kafka.records(Topics.LABEL_DEFERRED, shipment.shipmentId())).isNotEmpty());
            LabelDeferred deferred = KafkaProbe.payload(
                    kafka.records(Topics.LABEL_DEFERRED, shipment.shipmentId()).get(0), LabelDeferred.class);
            assertThat(deferred.carrier()).isEqualTo("sandbox");
            assertThat(deferred.serviceCode()).isEqualTo("SBX_ECONOMY");
            assertThat(deferred.deferrals()).isEqualTo(1);
            assertThat(deferred.reason()).contains("503");
            assertThat(deferred.retryAt()).isAfter(deferred.deferredAt());
            assertThat(deferred.picking()).isEqualTo(shipment.picking());
            assertThat(counter("carrierhub.label.deferrals", "carrier", "sandbox")).isGreaterThan(deferralsBefore);
            // The schedule keeps trying while the carrier stays down, and parks it again each time.
            await().atMost(WAIT).untilAsserted(() ->
                    assertThat(kafka.records(Topics.LABEL_DEFERRED, shipment.shipmentId())).hasSizeGreaterThanOrEqualTo(2));
            assertThat(kafka.records(Topics.SHIPMENT_LABELED, shipment.shipmentId())).isEmpty();
            assertThat(kafka.records(Topics.SHIPMENT_EXCEPTION, shipment.shipmentId())).as("parked, not failed").isEmpty();
        } finally {
            sandbox().behaviour().reset();
        }

        awaitLabeled(shipment);
        given().get("/shipments/{id}/booking", shipment.shipmentId()).then().body("state", equalTo("BOOKED"));
        assertThat(sandbox().stats().bookings()).isEqualTo(bookingsBefore + 1);
        List<String> transitions = given().get("/shipments/{id}/audit", shipment.shipmentId()).then().extract()
                .jsonPath().getList("collect { (it.fromState ?: '') + '>' + it.toState }", String.class);
        assertThat(transitions).startsWith(">REQUESTED", "REQUESTED>DEFERRED", "DEFERRED>REQUESTED")
                .endsWith("REQUESTED>BOOKED");
    }

    @Test
    void aServiceTheCarrierDoesNotKnowFailsTheBookingWithTheCarriersMessage() {
        Shipment shipment = TestShipments.domestic();

        kafka.send(rated(shipment, "SBX_TELEPORT"));

        await().atMost(WAIT).untilAsserted(() ->
                assertThat(kafka.records(Topics.SHIPMENT_EXCEPTION, shipment.shipmentId())).hasSize(1));
        ShipmentException exception = KafkaProbe.payload(
                kafka.records(Topics.SHIPMENT_EXCEPTION, shipment.shipmentId()).get(0), ShipmentException.class);
        assertThat(exception.stage()).isEqualTo("booking");
        assertThat(exception.reasonCode()).isEqualTo("invalid-request");
        assertThat(exception.message()).contains("service 'SBX_TELEPORT' is not offered for this shipment");
        assertThat(exception.carrier()).isEqualTo("sandbox");
        assertThat(exception.retryable()).isFalse();
        assertThat(exception.picking()).isEqualTo(shipment.picking());
        given().get("/shipments/{id}/booking", shipment.shipmentId()).then()
                .body("state", equalTo("FAILED")).body("attempts", equalTo(1));
        given().auth().oauth2(OperatorTokens.operator()).get("/shipments/{id}/label", shipment.shipmentId()).then().statusCode(404)
                .contentType("application/problem+json");
        assertThat(kafka.records(Topics.SHIPMENT_LABELED, shipment.shipmentId())).isEmpty();
    }

    @Test
    void anUnknownShipmentOrLabelIsAProblem() {
        String unknown = UUID.randomUUID().toString();

        given().auth().oauth2(OperatorTokens.operator()).get("/shipments/{id}/label", unknown).then().statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo("https://carrierhub.dev/problems/label-not-found"));
        given().get("/shipments/{id}/labels/{labelId}", unknown, UUID.randomUUID()).then().statusCode(404)
                .contentType("application/problem+json");
        given().get("/shipments/{id}/labels/{labelId}", unknown, "not-a-uuid").then().statusCode(404)
                .contentType("application/problem+json");
        given().get("/shipments/{id}/booking", unknown).then().statusCode(404).contentType("application/problem+json")
                .body("type", equalTo("https://carrierhub.dev/problems/booking-not-found"));
        given().get("/shipments/{id}/audit", unknown).then().statusCode(404).contentType("application/problem+json");
    }

    private ShipmentLabeled awaitLabeled(Shipment shipment) {
        await().atMost(WAIT).untilAsserted(() ->
                assertThat(kafka.records(Topics.SHIPMENT_LABELED, shipment.shipmentId())).hasSize(1));
        return KafkaProbe.payload(kafka.records(Topics.SHIPMENT_LABELED, shipment.shipmentId()).get(0),
                ShipmentLabeled.class);
    }

    private static byte[] randomBytes(int n) {
        byte[] bytes = new byte[n];
        ThreadLocalRandom.current().nextBytes(bytes);
        return bytes;
    }

    private static ShipmentRated rated(Shipment shipment, String serviceCode) {
        Quote quote = new Quote("rate_test", "sandbox", serviceCode, ServiceLevel.ECONOMY, Money.of("6.90", "EUR"), 5);
        return new ShipmentRated(shipment, quote, List.of(), "cheapest", Instant.now().minusSeconds(1),
                Instant.now().minusSeconds(2));
    }

    private void execute(String sql, String parameter) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, parameter);
            statement.executeUpdate();
        }
    }

    private double counter(String name, String... tags) {
        Counter counter = meters.find(name).tags(tags).counter();
        return counter == null ? 0 : counter.count();
    }

    private static SandboxCarrierServer sandbox() {
        return SandboxCarrierTestResource.server();
    }
}
