package dev.carrierhub.tracking;

import static dev.carrierhub.tracking.SandboxShipments.book;
import static dev.carrierhub.tracking.SandboxShipments.labeled;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import dev.carrierhub.contracts.Topics;
import dev.carrierhub.contracts.events.Milestone;
import dev.carrierhub.contracts.events.TrackingUpdated;
import dev.carrierhub.contracts.shipment.ShipmentIds;
import dev.carrierhub.devstack.DevStackTestResource;
import dev.carrierhub.testsupport.KafkaProbe;
import dev.carrierhub.testsupport.SandboxCarrierTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.carrierhub.carriers.sandbox.TrackingCallLog;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Map;

@QuarkusTest
@TestProfile(PollingFlowTest.Polling.class)
@WithTestResource(value = DevStackTestResource.class,
        initArgs = @ResourceArg(name = DevStackTestResource.DATABASE_ARG, value = "tracking_service_polling"))
@WithTestResource(SandboxCarrierTestResource.class)
class PollingFlowTest {
    private static final String TENANT = "acme";
    private static final int PER_SECOND = 2;
    private static final AtomicLong PICKINGS = new AtomicLong(System.currentTimeMillis() % 1_000_000 * 100 + 50);

    /** The sandbox is polled instead of pushed, briskly, and at most {@link #PER_SECOND} look-ups a second. */
    public static class Polling implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "carrierhub.tracking.polling.carriers", "sandbox",
                    "carrierhub.tracking.polling.poll-interval", "0.1s",
                    "carrierhub.tracking.polling.interval", "0.3s",
                    "carrierhub.tracking.polling.max-interval", "2s",
                    "carrierhub.tracking.polling.first-delay", "0s",
                    "carrierhub.tracking.polling.limits.sandbox.requests-per-second", String.valueOf(PER_SECOND));
        }
    }

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    KafkaProbe kafka;

    @BeforeEach
    void probe() {
        kafka = new KafkaProbe(bootstrapServers);
    }

    @Test
    void aPolledShipmentMovesWithTheCarriersAnswersAndIsNoLongerPolledOnceDelivered() throws Exception {
        long pickingId = PICKINGS.incrementAndGet();
        String shipmentId = ShipmentIds.forPicking(TENANT, pickingId);
        String trackingNumber = book(TENANT, pickingId).trackingNumber();

        kafka.send(labeled(TENANT, pickingId, trackingNumber, Instant.now()));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get("/shipments/{id}/tracking", shipmentId)
                .then().statusCode(200).body("registration", equalTo("POLLED")));
        await().atMost(Duration.ofSeconds(10)).until(() -> lookUps(trackingNumber) >= 1);
        // The read side says where polling stands: answered, and the next look-up planned.
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> given().get("/shipments/{id}/tracking", shipmentId)
                .then().statusCode(200).body("polling.lastPolledAt", notNullValue())
                .body("polling.nextPollAt", notNullValue()).body("polling.failuresInARow", equalTo(0)));

        pushAtSandbox(trackingNumber, "in_transit");
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> given().get("/shipments/{id}/tracking", shipmentId)
                .then().statusCode(200).body("milestone", equalTo("IN_TRANSIT")));
        pushAtSandbox(trackingNumber, "delivered");
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> given().get("/shipments/{id}/tracking", shipmentId)
                .then().statusCode(200).body("milestone", equalTo("DELIVERED"))
                .body("proofOfDelivery.signedBy", equalTo("RECIPIENT")));
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(kafka.records(Topics.TRACKING_UPDATED,
                shipmentId)).extracting(r -> KafkaProbe.payload(r, TrackingUpdated.class).milestone())
                .containsExactly(Milestone.IN_TRANSIT, Milestone.DELIVERED));

        given().get("/shipments/{id}/tracking", shipmentId).then().body("polling.nextPollAt", nullValue());
        // Polled every 0.3 s until now; from here on the sandbox hears nothing more about it.
        int atDelivery = lookUps(trackingNumber);
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(4))
                .until(() -> lookUps(trackingNumber) == atDelivery);
    }

    @Test
    void pollingHonoursTheRateLimit() throws Exception {
        Instant start = Instant.now();
        List<String> trackingNumbers = new ArrayList<>();
        for (int i = 0; i < 3 * PER_SECOND; i++) {
            long pickingId = PICKINGS.incrementAndGet();
            String shipmentId = ShipmentIds.forPicking(TENANT, pickingId);
            String trackingNumber = book(TENANT, pickingId).trackingNumber();
            trackingNumbers.add(trackingNumber);
            kafka.send(labeled(TENANT, pickingId, trackingNumber, Instant.now()));
        }
        await().atMost(Duration.ofSeconds(30))
                .until(() -> trackingNumbers.stream().allMatch(tn -> lookUps(tn) >= 1));

        List<Instant> served = SandboxCarrierTestResource.server().trackingCalls().all().stream()
                .map(TrackingCallLog.TrackingCall::servedAt).filter(at -> !at.isBefore(start)).sorted().toList();
        assertThat(served).hasSizeGreaterThan(2 * PER_SECOND);
        // No window of a second holds more than PER_SECOND look-ups: any PER_SECOND + 1 in a row span a second,
        // less what the network may shift one arrival by.
        for (int i = 0; i + PER_SECOND < served.size(); i++) {
            assertThat(Duration.between(served.get(i), served.get(i + PER_SECOND)))
                    .as("look-ups %d to %d", i, i + PER_SECOND).isGreaterThan(Duration.ofMillis(800));
        }
    }

    private static int lookUps(String trackingNumber) {
        return SandboxCarrierTestResource.server().trackingCalls().forTrackingNumber(trackingNumber).size();
    }

    private static void pushAtSandbox(String trackingNumber, String status) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                SandboxCarrierTestResource.server().baseUri().resolve("/admin/trackers/" + trackingNumber + "/events"))
                .POST(HttpRequest.BodyPublishers.ofString("{\"status\": \"" + status + "\"}"))
                .header("Content-Type", "application/json").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(202);
    }




}
