package dev.carrierhub.label;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import dev.carrierhub.carriers.sandbox.SandboxCarrierServer;
import dev.carrierhub.contracts.Topics;
import dev.carrierhub.contracts.events.LabelDeferred;
import dev.carrierhub.contracts.events.Quote;
import dev.carrierhub.contracts.events.ShipmentCancelRequested;
import dev.carrierhub.contracts.events.ShipmentException;
import dev.carrierhub.contracts.events.ShipmentLabeled;
import dev.carrierhub.contracts.events.ShipmentRated;
import dev.carrierhub.contracts.events.ShipmentVoided;
import dev.carrierhub.contracts.shipment.Money;
import dev.carrierhub.contracts.shipment.OdooPickingRef;
import dev.carrierhub.contracts.shipment.ServiceLevel;
import dev.carrierhub.contracts.shipment.Shipment;
import dev.carrierhub.contracts.shipment.ShipmentIds;
import dev.carrierhub.testsupport.KafkaProbe;
import dev.carrierhub.testsupport.OperatorTokens;
import dev.carrierhub.testsupport.SandboxCarrierTestResource;
import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Test;

/**
 * A carrier that is down (fallback to an alternative, or deferral and an operator's retry), a call that
 * may have booked (no fallback before the carrier is asked), and voids: from a cancelled picking, before
 * rating, and by an operator within the void window.
 */
@QuarkusTest
@TestProfile(TwoCarriersProfile.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CarrierOutageAndVoidFlowTest {
    private static final Duration WAIT = Duration.ofSeconds(30);

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    MeterRegistry meters;

    @Inject
    AgroalDataSource dataSource;

    KafkaProbe kafka;

    @BeforeEach
    void probe() {
        kafka = new KafkaProbe(bootstrapServers);
    }

    @AfterEach
    void resetCarriers() {
        sandbox().behaviour().release().reset();
        backup().behaviour().reset();
    }

    @Test
    void aCarrierThatIsDownFallsBackToTheNextAlternativeAndIsBookedThereOnce() {
        Shipment shipment = shipment("acme");
        long sandboxBookings = sandbox().stats().bookings();
        long backupBookings = backup().stats().bookings();
        double fallbacksBefore = counter("carrierhub.label.fallbacks", "from", "sandbox", "to", "backup");
        sandbox().behaviour().outage(true);

        kafka.send(ratedWithBackup(shipment));

        ShipmentLabeled labeled = awaitLabeled(shipment);
        assertThat(labeled.carrier()).isEqualTo("backup");
        assertThat(labeled.serviceCode()).isEqualTo("SBX_STANDARD");
        assertThat(labeled.quotedPrice()).as("the alternative's own quote").isEqualTo(Money.of("8.40", "EUR"));
        assertThat(backup().stats().bookings()).isEqualTo(backupBookings + 1);
        assertThat(sandbox().stats().bookings()).isEqualTo(sandboxBookings);
        assertThat(kafka.records(Topics.LABEL_DEFERRED, shipment.shipmentId())).isEmpty();
        assertThat(counter("carrierhub.label.fallbacks", "from", "sandbox", "to", "backup")).isGreaterThan(fallbacksBefore);
        List<String> details = auditDetails(shipment);
        assertThat(details).anyMatch(d -> d.startsWith("fallback from sandbox SBX_ECONOMY") && d.contains("503")
                && d.contains("to backup SBX_STANDARD at 8.40 EUR"));
        assertThat(details.get(0)).endsWith("1 of 1 alternative(s) allowed as fallback");
    }

    @Test
    void aTenantThatForbidsFallbackHasItsBookingParkedUntilAnOperatorRetriesIt() {
        Shipment shipment = shipment(TwoCarriersProfile.NO_FALLBACK_TENANT);
        long backupBookings = backup().stats().bookings();
        sandbox().behaviour().outage(true);

        kafka.send(ratedWithBackup(shipment));

        await().atMost(WAIT).untilAsserted(() ->
                assertThat(kafka.records(Topics.LABEL_DEFERRED, shipment.shipmentId())).hasSize(1));
        LabelDeferred deferred = KafkaProbe.payload(kafka.records(Topics.LABEL_DEFERRED, shipment.shipmentId()).get(0),
                LabelDeferred.class);
        assertThat(Duration.between(deferred.deferredAt(), deferred.retryAt())).isEqualTo(Duration.ofMinutes(10));
        assertThat(auditDetails(shipment).get(0)).endsWith("0 of 1 alternative(s) allowed as fallback");
        given().get("/admin/bookings").then().statusCode(401);
        given().auth().oauth2(OperatorTokens.token("viewer@carrierhub.test", Set.of("viewer"), null))
                .get("/admin/bookings").then().statusCode(403);
        List<String> parked = given().auth().oauth2(OperatorTokens.operator()).get("/admin/bookings?state=deferred")
                .then().statusCode(200).extract().jsonPath().getList("shipmentId", String.class);
        assertThat(parked).contains(shipment.shipmentId());
        given().auth().oauth2(OperatorTokens.operator()).get("/admin/bookings?state=LOST").then().statusCode(400)
                .contentType("application/problem+json");

        sandbox().behaviour().reset();
        given().auth().oauth2(OperatorTokens.operator()).post("/admin/bookings/{id}/retry", shipment.shipmentId())
                .then().statusCode(200).body("state", equalTo("REQUESTED"));

        ShipmentLabeled labeled = awaitLabeled(shipment);
        assertThat(labeled.carrier()).isEqualTo("sandbox");
        assertThat(backup().stats().bookings()).as("the tenant does not fall back").isEqualTo(backupBookings);
        assertThat(auditDetails(shipment)).anyMatch(d -> d.startsWith("retry requested by operator ops@carrierhub.test"));
        given().auth().oauth2(OperatorTokens.operator()).post("/admin/bookings/{id}/retry", shipment.shipmentId())
                .then().statusCode(409).contentType("application/problem+json")
                .body("type", equalTo("https://carrierhub.dev/problems/booking-not-retryable"));
        given().auth().oauth2(OperatorTokens.operator()).post("/admin/bookings/{id}/retry", "no-such-shipment")
                .then().statusCode(404);
    }

    @Test
    void aCallThatMayHaveBookedKeepsTheBookingWithItsCarrierInsteadOfFallingBack() {
        Shipment shipment = shipment("acme");
        long sandboxBookings = sandbox().stats().bookings();
        long backupBookings = backup().stats().bookings();
        sandbox().behaviour().hang();

        kafka.send(ratedWithBackup(shipment));
        // The booking call times out: whether the carrier booked is unknown. Then the carrier goes down.
        await().atMost(WAIT).untilAsserted(() -> assertThat(given().get("/shipments/{id}/audit", shipment.shipmentId())
                .then().statusCode(200).extract().jsonPath().getList("detail", String.class))
                .anyMatch(detail -> detail.startsWith("attempt 1 failed")));
        sandbox().behaviour().outage(true).release();

        await().atMost(WAIT).untilAsserted(() ->
                assertThat(kafka.records(Topics.LABEL_DEFERRED, shipment.shipmentId())).hasSize(1));
        LabelDeferred deferred = KafkaProbe.payload(kafka.records(Topics.LABEL_DEFERRED, shipment.shipmentId()).get(0),
                LabelDeferred.class);
        assertThat(deferred.carrier()).isEqualTo("sandbox");
        assertThat(deferred.reason()).contains("an earlier call may have booked");

        sandbox().behaviour().reset();
        given().auth().oauth2(OperatorTokens.operator()).post("/admin/bookings/{id}/retry", shipment.shipmentId())
                .then().statusCode(200);

        ShipmentLabeled labeled = awaitLabeled(shipment);
        assertThat(labeled.carrier()).isEqualTo("sandbox");
        assertThat(sandbox().stats().bookings()).as("one booking, made or found by its key").isEqualTo(sandboxBookings + 1);
        assertThat(backup().stats().bookings()).as("never moved to the backup carrier").isEqualTo(backupBookings);
        assertThat(auditDetails(shipment)).noneMatch(detail -> detail.startsWith("fallback"));
    }

    @Test
    void aPickingCancelledInOdooHasItsLabelVoidedOnce() {
        Shipment shipment = shipment("acme");
        long voidsBefore = sandbox().stats().voids();
        kafka.send(ratedWithBackup(shipment));
        ShipmentLabeled labeled = awaitLabeled(shipment);

        ShipmentCancelRequested cancel = new ShipmentCancelRequested(shipment.shipmentId(), shipment.picking(),
                "customer cancelled the order", Instant.now());
        kafka.send(cancel);
        kafka.send(cancel);

        await().atMost(WAIT).untilAsserted(() ->
                assertThat(kafka.records(Topics.SHIPMENT_VOIDED, shipment.shipmentId())).hasSize(1));
        ShipmentVoided voided = KafkaProbe.payload(kafka.records(Topics.SHIPMENT_VOIDED, shipment.shipmentId()).get(0),
                ShipmentVoided.class);
        assertThat(voided.carrierShipmentId()).isEqualTo(labeled.carrierShipmentId());
        assertThat(voided.trackingNumber()).isEqualTo(labeled.trackingNumber());
        assertThat(voided.reason()).isEqualTo("customer cancelled the order");
        assertThat(voided.picking()).isEqualTo(shipment.picking());
        given().get("/shipments/{id}/booking", shipment.shipmentId()).then().body("state", equalTo("VOIDED"));
        await().atMost(WAIT).untilAsserted(() -> assertThat(auditTransitions(shipment))
                .containsExactly(">REQUESTED", "REQUESTED>BOOKED", "BOOKED>VOIDING", "VOIDING>VOIDED"));
        assertThat(sandbox().stats().voids()).isEqualTo(voidsBefore + 1);
        assertThat(kafka.records(Topics.SHIPMENT_VOIDED, shipment.shipmentId())).hasSize(1);
    }

    @Test
    void aPickingCancelledBeforeItWasRatedIsNeverBooked() {
        Shipment shipment = shipment("acme");
        long requestsBefore = sandbox().stats().bookingRequests();
        kafka.send(new ShipmentCancelRequested(shipment.shipmentId(), shipment.picking(), "duplicate order", Instant.now()));
        await().atMost(WAIT).until(() -> counter("carrierhub.events.consumed", "consumer",
                "label-service.shipment-cancel-requested", "outcome", "processed") > 0
                && cancellationStored(shipment.shipmentId()));

        kafka.send(ratedWithBackup(shipment));

        await().atMost(WAIT).untilAsserted(() -> given().get("/shipments/{id}/booking", shipment.shipmentId())
                .then().statusCode(200).body("state", equalTo("CANCELLED")));
        assertThat(auditTransitions(shipment)).containsExactly(">REQUESTED", "REQUESTED>CANCELLED");
        assertThat(auditDetails(shipment).get(1)).contains("before it was rated: duplicate order");
        assertThat(sandbox().stats().bookingRequests()).isEqualTo(requestsBefore);
        assertThat(kafka.records(Topics.SHIPMENT_LABELED, shipment.shipmentId())).isEmpty();
    }

    @Test
    void anOperatorVoidsALabelWithinTheVoidWindowOnly() throws SQLException {
        Shipment late = shipment("acme");
        Shipment fresh = shipment("acme");
        kafka.send(ratedWithBackup(late));
        kafka.send(ratedWithBackup(fresh));
        awaitLabeled(late);
        awaitLabeled(fresh);
        execute("update booking set booked_at = now() - interval '29 days' where shipment_id = ?", late.shipmentId());

        given().contentType(ContentType.JSON).body("{}").post("/shipments/{id}/void", fresh.shipmentId())
                .then().statusCode(401);
        given().auth().oauth2(OperatorTokens.operator()).contentType(ContentType.JSON).body("{\"reason\":\"too late\"}")
                .post("/shipments/{id}/void", late.shipmentId())
                .then().statusCode(409).contentType("application/problem+json")
                .body("type", equalTo("https://carrierhub.dev/problems/void-window-passed"));
        given().get("/shipments/{id}/booking", late.shipmentId()).then().body("state", equalTo("BOOKED"));

        given().auth().oauth2(OperatorTokens.operator()).contentType(ContentType.JSON)
                .body("{\"reason\":\"wrong parcel size\"}")
                .post("/shipments/{id}/void", fresh.shipmentId())
                .then().statusCode(202).body("state", equalTo("VOIDING"));
        await().atMost(WAIT).untilAsserted(() ->
                assertThat(kafka.records(Topics.SHIPMENT_VOIDED, fresh.shipmentId())).hasSize(1));
        assertThat(auditDetails(fresh)).anyMatch(d -> d.equals("void requested by operator ops@carrierhub.test: wrong parcel size"));
        given().auth().oauth2(OperatorTokens.operator()).contentType(ContentType.JSON).body("{}")
                .post("/shipments/{id}/void", fresh.shipmentId())
                .then().statusCode(200).body("state", equalTo("VOIDED"));
        given().auth().oauth2(OperatorTokens.operator()).contentType(ContentType.JSON).body("{}")
                .post("/shipments/{id}/void", "no-such-shipment").then().statusCode(404);
        assertThat(kafka.records(Topics.SHIPMENT_VOIDED, late.shipmentId())).isEmpty();
        assertThat(kafka.records(Topics.SHIPMENT_EXCEPTION, late.shipmentId())).extracting(
                r -> KafkaProbe.payload(r, ShipmentException.class).stage()).doesNotContain("void");
    }

    @Test
    void anOperatorGetsOneReturnLabelPerRmaFromTheShipmentsCarrier() {
        Shipment shipment = shipment("acme");
        kafka.send(ratedWithBackup(shipment));
        awaitLabeled(shipment);
        long bookingsBefore = sandbox().stats().bookings();

        given().contentType(ContentType.JSON).body("{\"rmaReference\":\"RMA-1\"}")
                .post("/shipments/{id}/returns", shipment.shipmentId()).then().statusCode(401);
        given().auth().oauth2(OperatorTokens.operator()).contentType(ContentType.JSON).body("{\"rmaReference\":\" \"}")
                .post("/shipments/{id}/returns", shipment.shipmentId()).then().statusCode(422)
                .contentType("application/problem+json");
        String returnId = given().auth().oauth2(OperatorTokens.operator()).contentType(ContentType.JSON)
                .body("{\"rmaReference\":\"RMA-2026-0042\"}")
                .post("/shipments/{id}/returns", shipment.shipmentId())
                .then().statusCode(202).body("returnOf", equalTo(shipment.shipmentId()))
                .body("rmaReference", equalTo("RMA-2026-0042")).body("carrier", equalTo("sandbox"))
                .extract().path("shipmentId");
        given().auth().oauth2(OperatorTokens.operator()).contentType(ContentType.JSON)
                .body("{\"rmaReference\":\"RMA-2026-0042\"}")
                .post("/shipments/{id}/returns", shipment.shipmentId())
                .then().statusCode(200).body("shipmentId", equalTo(returnId));

        await().atMost(WAIT).untilAsserted(() -> given().get("/shipments/{id}/booking", returnId).then()
                .statusCode(200).body("state", equalTo("BOOKED")));
        String labelUrl = given().get("/shipments/{id}/returns", shipment.shipmentId()).then().statusCode(200)
                .body("size()", equalTo(1)).body("[0].shipmentId", equalTo(returnId))
                .extract().path("[0].labels[0].url");
        byte[] pdf = given().get(java.net.URI.create(labelUrl).getPath()).then().statusCode(200)
                .contentType("application/pdf").extract().asByteArray();
        assertThat(new String(pdf, 0, 4, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF");
        assertThat(sandbox().stats().bookings()).as("one return booking for two requests").isEqualTo(bookingsBefore + 1);
        assertThat(kafka.records(Topics.SHIPMENT_LABELED, returnId)).as("Odoo's picking keeps its own label").isEmpty();
        assertThat(auditDetails(shipment)).anyMatch(d -> d.startsWith("return label " + returnId));
        given().auth().oauth2(OperatorTokens.operator()).contentType(ContentType.JSON).body("{\"rmaReference\":\"RMA-3\"}")
                .post("/shipments/{id}/returns", returnId).then().statusCode(409);
        given().auth().oauth2(OperatorTokens.operator()).contentType(ContentType.JSON).body("{\"rmaReference\":\"RMA-3\"}")
                .post("/shipments/{id}/returns", "no-such-shipment").then().statusCode(404);
    }

    @Test
    void aRateLimitedCallWaitsAsLongAsTheCarrierAskedBeforeItIsRetried() {
        Shipment shipment = shipment("acme");
        long bookingsBefore = sandbox().stats().bookings();
        sandbox().behaviour().rateLimitRate(1.0).retryAfter(Duration.ofSeconds(3));

        kafka.send(ratedWithBackup(shipment));

        await().atMost(WAIT).untilAsserted(() -> assertThat(given().get("/shipments/{id}/audit", shipment.shipmentId())
                .then().statusCode(200).extract().jsonPath().getList("detail", String.class))
                .anyMatch(detail -> detail.startsWith("attempt 1 failed (rate-limited)")));
        io.restassured.path.json.JsonPath audit = given().get("/shipments/{id}/audit", shipment.shipmentId()).then()
                .extract().jsonPath();
        int at = audit.getList("detail", String.class).indexOf(audit.getList("detail", String.class).stream()
                .filter(detail -> detail.startsWith("attempt 1 failed (rate-limited)")).findFirst().orElseThrow());
        String detail = audit.getString("[" + at + "].detail");
        Instant failedAt = Instant.parse(audit.getString("[" + at + "].occurredAt"));
        Instant nextAttempt = Instant.parse(detail.substring(detail.lastIndexOf("next attempt at ") + "next attempt at ".length()));
        assertThat(Duration.between(failedAt, nextAttempt))
                .as("Retry-After (3 s) wins over the back-off (at most 500 ms in tests)")
                .isGreaterThanOrEqualTo(Duration.ofMillis(2900));

        sandbox().behaviour().reset();
        ShipmentLabeled labeled = awaitLabeled(shipment);
        assertThat(labeled.carrier()).as("throttled is not down: no fallback").isEqualTo("sandbox");
        assertThat(sandbox().stats().bookings()).isEqualTo(bookingsBefore + 1);
    }

    /** Last: it leaves the backup carrier's breaker open for a few seconds. */
    @Test
    @Order(Integer.MAX_VALUE)
    void aBookingThatMeetsAnOpenCircuitGoesStraightToTheAlternative() {
        Shipment storm = shipment("acme");
        Shipment next = shipment("acme");
        long sandboxBookings = sandbox().stats().bookings();
        backup().behaviour().failureRate(1.0);

        // Two 500s in a row open the backup carrier's breaker.
        kafka.send(rated(storm, onBackup("9.10"), List.of()));
        await().atMost(WAIT).until(() -> breakerState("backup") == 2.0);
        assertThat(auditDetails(storm)).anyMatch(d -> d.startsWith("attempt 2 failed (transient)"));

        kafka.send(rated(next, onBackup("9.10"), List.of(onSandbox("9.50"))));

        ShipmentLabeled labeled = awaitLabeled(next);
        assertThat(labeled.carrier()).isEqualTo("sandbox");
        assertThat(sandbox().stats().bookings()).isEqualTo(sandboxBookings + 1);
        assertThat(auditDetails(next)).anyMatch(d -> d.startsWith("fallback from backup") && d.contains("circuit open"));
        assertThat(kafka.records(Topics.SHIPMENT_LABELED, storm.shipmentId())).isEmpty();
        backup().behaviour().reset();
    }

    private double breakerState(String carrier) {
        var gauge = meters.find("carrierhub.carrier.breaker.state").tag("carrier", carrier).gauge();
        return gauge == null ? -1 : gauge.value();
    }

    private static Quote onBackup(String price) {
        return new Quote("rate_b", "backup", "SBX_ECONOMY", ServiceLevel.ECONOMY, Money.of(price, "EUR"), 4);
    }

    private static Quote onSandbox(String price) {
        return new Quote("rate_s", "sandbox", "SBX_ECONOMY", ServiceLevel.ECONOMY, Money.of(price, "EUR"), 4);
    }

    private static ShipmentRated rated(Shipment shipment, Quote chosen, List<Quote> alternatives) {
        return new ShipmentRated(shipment, chosen, alternatives, "cheapest", Instant.now().minusSeconds(1));
    }

    private ShipmentLabeled awaitLabeled(Shipment shipment) {
        await().atMost(WAIT).untilAsserted(() ->
                assertThat(kafka.records(Topics.SHIPMENT_LABELED, shipment.shipmentId())).hasSize(1));
        return KafkaProbe.payload(kafka.records(Topics.SHIPMENT_LABELED, shipment.shipmentId()).get(0),
                ShipmentLabeled.class);
    }

    private static long nextPicking = System.nanoTime() % 1_000_000_000L;

    /** A new shipment of {@code tenant}, its own picking and id. */
    private static synchronized Shipment shipment(String tenant) {
        long pickingId = ++nextPicking;
        Shipment template = dev.carrierhub.testsupport.TestShipments.domestic();
        return new Shipment(ShipmentIds.forPicking(tenant, pickingId),
                new OdooPickingRef(tenant, pickingId, "WH/OUT/" + pickingId, "S" + pickingId),
                template.shipFrom(), template.shipTo(), template.parcels(), template.declaredValue(),
                template.serviceLevel(), List.of(), false, null);
    }

    /** Chosen: the sandbox's economy service; the one alternative: the backup carrier's standard service. */
    private static ShipmentRated ratedWithBackup(Shipment shipment) {
        Quote chosen = new Quote("rate_1", "sandbox", "SBX_ECONOMY", ServiceLevel.ECONOMY, Money.of("6.90", "EUR"), 5);
        Quote alternative = new Quote("rate_2", "backup", "SBX_STANDARD", ServiceLevel.STANDARD, Money.of("8.40", "EUR"), 3);
        return new ShipmentRated(shipment, chosen, List.of(alternative), "cheapest", Instant.now().minusSeconds(1));
    }

    private List<String> auditDetails(Shipment shipment) {
        return given().get("/shipments/{id}/audit", shipment.shipmentId()).then().statusCode(200).extract().jsonPath()
                .getList("detail", String.class);
    }

    private List<String> auditTransitions(Shipment shipment) {
        return given().get("/shipments/{id}/audit", shipment.shipmentId()).then().statusCode(200).extract().jsonPath()
                .getList("collect { (it.fromState ?: '') + '>' + it.toState }", String.class);
    }

    private boolean cancellationStored(String shipmentId) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(
                        "select count(*) from cancellation where shipment_id = ?")) {
            statement.setString(1, shipmentId);
            try (var rows = statement.executeQuery()) {
                rows.next();
                return rows.getInt(1) == 1;
            }
        }
    }

    private void execute(String sql, String parameter) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, parameter);
            assertThat(statement.executeUpdate()).isEqualTo(1);
        }
    }

    private double counter(String name, String... tags) {
        Counter counter = meters.find(name).tags(tags).counter();
        return counter == null ? 0 : counter.count();
    }

    private static SandboxCarrierServer sandbox() {
        return SandboxCarrierTestResource.server();
    }

    private static SandboxCarrierServer backup() {
        return BackupSandboxTestResource.server();
    }
}
