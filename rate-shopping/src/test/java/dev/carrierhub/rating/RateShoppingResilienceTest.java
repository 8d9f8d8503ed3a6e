package dev.carrierhub.rating;

import static dev.carrierhub.rating.RateShoppingPolicyTest.rate;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.carrierhub.carriers.sandbox.SandboxCarrierServer;
import dev.carrierhub.devstack.DevStackTestResource;
import dev.carrierhub.testsupport.SandboxCarrierTestResource;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Two sandbox carriers, one misbehaving: the other one is still chosen, and the misbehaving one's limits
 * (deadline, breaker) do what the README says. The rating deadline is 2 s in tests; sandbox-b's breaker opens
 * after 2 failures in a row and stays open 1 s.
 */
@QuarkusTest
@WithTestResource(value = DevStackTestResource.class,
        initArgs = @ResourceArg(name = DevStackTestResource.DATABASE_ARG, value = "rate_shopping"))
@WithTestResource(SandboxCarrierTestResource.class)
@WithTestResource(SecondSandboxTestResource.class)
class RateShoppingResilienceTest {
    private static final Duration WAIT = Duration.ofSeconds(15);

    @Inject
    MeterRegistry meters;

    private final SandboxCarrierServer sandbox = SandboxCarrierTestResource.server();
    private final SandboxCarrierServer sandboxB = SecondSandboxTestResource.server();

    @AfterEach
    void resetSandboxes() {
        sandbox.behaviour().reset();
        sandboxB.behaviour().reset();
    }

    @Test
    void aCarrierPastTheDeadlineIsDroppedAndTheOtherIsChosenWhenTheDeadlineIsUp() {
        sandbox.behaviour().latency(Duration.ofSeconds(4));

        long started = System.nanoTime();
        JsonPath answer = rate(TestRequests.shipment("acme"));
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(took).as("one deadline for the whole round").isBetween(Duration.ofMillis(1_900), Duration.ofMillis(3_500));
        assertThat(answer.getString("quotes[0].carrier")).isEqualTo("sandbox-b");
        assertThat(answer.getList("quotes.carrier")).containsOnly("sandbox-b");
        assertThat(answer.getString("carriers[0].carrier")).isEqualTo("sandbox");
        assertThat(answer.getString("carriers[0].outcome")).isEqualTo("timeout");
        assertThat(answer.getBoolean("cached")).isFalse();
    }

    @Test
    void aCarrierThatIsRateLimitedIsLeftOutWithoutCountingAgainstItsBreaker() {
        awaitQuoting("sandbox-b");
        sandboxB.behaviour().rateLimitRate(1.0);

        for (int i = 0; i < SecondSandboxTestResource.BREAKER_FAILURES + 1; i++) {
            JsonPath answer = rate(TestRequests.shipment("acme"));
            assertThat(answer.getString("carriers[1].outcome")).isEqualTo("rate-limited");
            assertThat(answer.getString("quotes[0].carrier")).isEqualTo("sandbox");
        }

        assertThat(breakerState("sandbox-b")).as("a 429 shows the carrier is up").isZero();
    }

    @Test
    void afterRepeatedFailuresTheBreakerOpensSoTheCarrierIsNotAskedThenClosesAfterTheOpenDuration() {
        awaitQuoting("sandbox-b");
        double opened = transitions("sandbox-b", "closed", "open");
        double closed = transitions("sandbox-b", "half-open", "closed");

        sandboxB.behaviour().failureRate(1.0);
        JsonPath failing = rate(TestRequests.shipment("acme"));
        sandboxB.behaviour().failureRate(0).outage(true);
        JsonPath down = rate(TestRequests.shipment("acme"));
        long askedBeforeOpen = sandboxB.stats().rateRequests();
        JsonPath refused = rate(TestRequests.shipment("acme"));

        assertThat(failing.getString("carriers[1].outcome")).isEqualTo("transient");
        assertThat(down.getString("carriers[1].outcome")).isEqualTo("unavailable");
        assertThat(refused.getString("carriers[1].outcome")).isEqualTo("circuit-open");
        assertThat(refused.getString("carriers[1].detail")).contains("sandbox-b (account sandbox-b): circuit open");
        assertThat(sandboxB.stats().rateRequests()).as("an open breaker does not call").isEqualTo(askedBeforeOpen);
        for (JsonPath answer : new JsonPath[] {failing, down, refused}) {
            assertThat(answer.getString("quotes[0].carrier")).as("the other carrier is chosen").isEqualTo("sandbox");
        }
        assertThat(breakerState("sandbox-b")).isEqualTo(2);
        assertThat(transitions("sandbox-b", "closed", "open")).isEqualTo(opened + 1);

        sandboxB.behaviour().outage(false);
        awaitQuoting("sandbox-b");

        assertThat(breakerState("sandbox-b")).isZero();
        assertThat(transitions("sandbox-b", "half-open", "closed")).isEqualTo(closed + 1);
        assertThat(meters.find("carrierhub.carrier.breaker.rejections").tags("carrier", "sandbox-b").counter())
                .isNotNull();
    }

    /** Waits until a look-up gets quotes from {@code carrier}: its breaker is closed (again). */
    private void awaitQuoting(String carrier) {
        await().atMost(WAIT).pollInterval(Duration.ofMillis(200)).untilAsserted(() ->
                assertThat(rate(TestRequests.shipment("acme")).getList("quotes.carrier")).contains(carrier));
    }

    private double breakerState(String carrier) {
        Gauge gauge = meters.find("carrierhub.carrier.breaker.state").tags("carrier", carrier).gauge();
        assertThat(gauge).as("breaker gauge of " + carrier).isNotNull();
        return gauge.value();
    }

    private double transitions(String carrier, String from, String to) {
        Counter counter = meters.find("carrierhub.carrier.breaker.transitions")
                .tags("carrier", carrier, "from", from, "to", to).counter();
        return counter == null ? 0 : counter.count();
    }
}
