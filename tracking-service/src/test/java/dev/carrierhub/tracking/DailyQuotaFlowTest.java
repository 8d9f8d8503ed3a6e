package dev.carrierhub.tracking;

import static dev.carrierhub.tracking.SandboxShipments.book;
import static dev.carrierhub.tracking.SandboxShipments.labeled;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import dev.carrierhub.contracts.shipment.ShipmentIds;
import dev.carrierhub.devstack.DevStackTestResource;
import dev.carrierhub.testsupport.KafkaProbe;
import dev.carrierhub.testsupport.SandboxCarrierTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** A carrier's daily quota of look-ups, end to end: used up, polling of that carrier waits for the next UTC day. */
@QuarkusTest
@TestProfile(DailyQuotaFlowTest.Quota.class)
@WithTestResource(value = DevStackTestResource.class,
        initArgs = @ResourceArg(name = DevStackTestResource.DATABASE_ARG, value = "tracking_service_quota"))
@WithTestResource(SandboxCarrierTestResource.class)
class DailyQuotaFlowTest {
    private static final String TENANT = "umbrella";
    private static final int QUOTA = 3;
    private static final AtomicLong PICKINGS = new AtomicLong(System.currentTimeMillis() % 1_000_000 * 100 + 70);

    /** The sandbox polled every 0.3 s, with a quota of {@link #QUOTA} look-ups a day. */
    public static class Quota implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "carrierhub.tracking.polling.carriers", "sandbox",
                    "carrierhub.tracking.polling.poll-interval", "0.1s",
                    "carrierhub.tracking.polling.interval", "0.3s",
                    "carrierhub.tracking.polling.first-delay", "0s",
                    "carrierhub.tracking.polling.limits.sandbox.daily-quota", String.valueOf(QUOTA));
        }
    }

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Test
    void onceTheDailyQuotaIsUsedUpNoMoreLookUpsAreMadeUntilTheNextUtcDay() throws Exception {
        KafkaProbe kafka = new KafkaProbe(bootstrapServers);
        long first = PICKINGS.incrementAndGet();
        long second = PICKINGS.incrementAndGet();
        String firstNumber = book(TENANT, first).trackingNumber();
        String secondNumber = book(TENANT, second).trackingNumber();
        kafka.send(labeled(TENANT, first, firstNumber, Instant.now()));
        kafka.send(labeled(TENANT, second, secondNumber, Instant.now()));

        await().atMost(Duration.ofSeconds(30)).until(() -> lookUps(firstNumber) + lookUps(secondNumber) >= QUOTA);
        // Two trackers due every 0.3 s would ask for about seven look-ups in a second; the quota stops them at three.
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(4))
                .until(() -> lookUps(firstNumber) + lookUps(secondNumber) == QUOTA);

        String nextUtcDay = LocalDate.now(ZoneOffset.UTC).plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().toString();
        for (long picking : List.of(first, second)) {
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> given()
                    .get("/shipments/{id}/tracking", ShipmentIds.forPicking(TENANT, picking)).then().statusCode(200)
                    .body("registration", equalTo("POLLED"))
                    .body("polling.nextPollAt", equalTo(nextUtcDay)));
        }
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        assertThat(metrics).containsPattern("carrierhub_tracking_polling_quota_exhausted_total\\{[^}]*carrier=\"sandbox\"[^}]*} 1\\.0")
                .containsPattern("carrierhub_tracking_polling_quota_remaining\\{[^}]*carrier=\"sandbox\"[^}]*} 0\\.0");
    }

    private static int lookUps(String trackingNumber) {
        return SandboxCarrierTestResource.server().trackingCalls().forTrackingNumber(trackingNumber).size();
    }


}
