package dev.carrierhub.carriers.sandbox;

import static dev.carrierhub.carriers.sandbox.Stages.done;
import static dev.carrierhub.carriers.sandbox.Stages.failure;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.carrierhub.carriers.BookingResult;
import dev.carrierhub.carriers.CarrierErrorKind;
import dev.carrierhub.carriers.CarrierException;
import java.time.Duration;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The misbehaviour switches, seen from the connector: each one surfaces as the right error kind. */
class SandboxBehaviourSwitchesTest {
    private static final Duration TIMEOUT = Duration.ofMillis(500);

    private SandboxCarrierServer sandbox;
    private SandboxConnector connector;

    @BeforeEach
    void start() {
        sandbox = new SandboxCarrierServer(SandboxServerConfig.defaults("whsec_test")).start();
        connector = new SandboxConnector(new SandboxSettings(sandbox.baseUri(), null, TIMEOUT));
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    @Test
    void failuresAreTransient() {
        sandbox.behaviour().failureRate(1);

        assertThat(failure(connector.rate(TestShipments.domestic())).kind()).isEqualTo(CarrierErrorKind.TRANSIENT);
    }

    @Test
    void anOutageIsUnavailableWhileAdminStillAnswers() {
        sandbox.behaviour().outage(true);

        assertThat(failure(connector.rate(TestShipments.domestic())).kind()).isEqualTo(CarrierErrorKind.UNAVAILABLE);
        assertThat(Http.send("GET", sandbox.baseUri().resolve("/admin/stats"), null).statusCode()).isEqualTo(200);
    }

    @Test
    void rateLimitingCarriesTheRetryAfter() {
        sandbox.behaviour().rateLimitRate(1).retryAfter(Duration.ofSeconds(3));

        CarrierException error = failure(connector.rate(TestShipments.domestic()));

        assertThat(error.kind()).isEqualTo(CarrierErrorKind.RATE_LIMITED);
        assertThat(error.retryAfter()).contains(Duration.ofSeconds(3));
    }

    @Test
    void latencyWithinTheTimeoutOnlySlowsTheAnswer() {
        sandbox.behaviour().latency(Duration.ofMillis(150));
        long started = System.nanoTime();

        done(connector.rate(TestShipments.domestic()));

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(150));
    }

    @Test
    void latencyBeyondTheTimeoutIsTransient() {
        sandbox.behaviour().latency(TIMEOUT.multipliedBy(3));

        assertThat(failure(connector.rate(TestShipments.domestic())).kind()).isEqualTo(CarrierErrorKind.TRANSIENT);
    }

    @Test
    void aHungBookingTimesOutYetExistsOnceReleased() {
        sandbox.behaviour().hang();

        CompletionStage<BookingResult> booking = connector.ship(TestShipments.domestic(), "SBX_STANDARD", "key-1");

        assertThat(failure(booking).kind()).isEqualTo(CarrierErrorKind.TRANSIENT);
        assertThat(sandbox.stats().bookings()).isZero();
        sandbox.behaviour().release();
        await().atMost(Duration.ofSeconds(5)).until(() -> sandbox.stats().bookings() == 1);
        assertThat(done(connector.findBooking("key-1"))).isPresent();
    }

    @Test
    void aHangEndsAtTheServersMaximum() {
        try (SandboxCarrierServer bounded = new SandboxCarrierServer(
                SandboxServerConfig.defaults("whsec_test").withMaxHang(Duration.ofMillis(200))).start()) {
            SandboxConnector patient = new SandboxConnector(new SandboxSettings(bounded.baseUri(), null, Duration.ofSeconds(5)));
            bounded.behaviour().hang();

            assertThat(done(patient.rate(TestShipments.domestic())).quotes()).hasSize(3);
        }
    }

    @Test
    void resetRestoresAWellBehavedCarrier() {
        sandbox.behaviour().failureRate(1).outage(true).latency(Duration.ofSeconds(10)).hang();

        sandbox.behaviour().reset();

        assertThat(done(connector.rate(TestShipments.domestic())).quotes()).hasSize(3);
    }
}
