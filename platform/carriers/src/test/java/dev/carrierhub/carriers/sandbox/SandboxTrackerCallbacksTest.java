package dev.carrierhub.carriers.sandbox;

import static dev.carrierhub.carriers.sandbox.Stages.done;
import static dev.carrierhub.carriers.sandbox.Stages.failure;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.carrierhub.carriers.BookingResult;
import dev.carrierhub.carriers.CarrierErrorKind;
import dev.carrierhub.carriers.TrackingResult;
import dev.carrierhub.carriers.sandbox.CallbackReceiver.Received;
import dev.carrierhub.carriers.sandbox.SandboxSignature.Verification;
import dev.carrierhub.contracts.events.Milestone;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SandboxTrackerCallbacksTest {
    private static final String SECRET = "whsec_test";
    private static final Duration WITHIN = Duration.ofSeconds(5);

    private SandboxCarrierServer sandbox;
    private SandboxConnector connector;
    private CallbackReceiver receiver;

    @BeforeEach
    void start() {
        sandbox = new SandboxCarrierServer(SandboxServerConfig.defaults(SECRET)
                .withCallbackDelay(Duration.ofMillis(50))
                .withCallbackRetries(5, Duration.ofMillis(20))).start();
        connector = new SandboxConnector(new SandboxSettings(sandbox.baseUri(), null, Duration.ofSeconds(5)));
    }

    @AfterEach
    void stop() {
        sandbox.close();
        if (receiver != null) {
            receiver.close();
        }
    }

    private String booked() {
        BookingResult booking = done(connector.ship(TestShipments.domestic(), "SBX_STANDARD", "key-1"));
        return booking.trackingNumber();
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static Verification verify(Received callback) {
        return SandboxSignature.verify(SECRET, callback.signature(), callback.body(), Instant.now(),
                SandboxSignature.DEFAULT_TOLERANCE);
    }

    @Test
    void pushesInTransitThenDeliveredSignedCallbacks() {
        receiver = CallbackReceiver.start();
        String trackingNumber = booked();

        done(connector.registerTracker(trackingNumber, receiver.url()));

        await().atMost(WITHIN).until(() -> receiver.accepted().size() == 2);
        List<Received> callbacks = receiver.accepted();
        assertThat(callbacks).allSatisfy(callback -> {
            assertThat(verify(callback)).isEqualTo(Verification.VALID);
            assertThat(callback.json().path("tracking_number").asText()).isEqualTo(trackingNumber);
            assertThat(Instant.parse(callback.json().path("occurred_at").asText())).isBefore(Instant.now().plusSeconds(1));
        });
        assertThat(callbacks).extracting(callback -> callback.json().path("status").asText())
                .containsExactly("in_transit", "delivered");
        assertThat(callbacks.get(0).json().has("signed_by")).isFalse();
        assertThat(callbacks.get(1).json().path("signed_by").asText()).isEqualTo("MÜLLER");
        assertThat(callbacks.get(1).json().path("location").asText()).isEqualTo("Munich, DE");
        assertThat(callbacks.get(0).json().path("event_id").asText())
                .isNotEqualTo(callbacks.get(1).json().path("event_id").asText());
        await().atMost(WITHIN).until(() -> sandbox.stats().callbacksDelivered() == 2);
    }

    @Test
    void pollingSeesTheSameJourneyWithProofOfDelivery() {
        receiver = CallbackReceiver.start();
        String trackingNumber = booked();
        done(connector.registerTracker(trackingNumber, receiver.url()));

        await().atMost(WITHIN).until(() -> done(connector.track(trackingNumber)).milestone() == Milestone.DELIVERED);

        TrackingResult tracking = done(connector.track(trackingNumber));
        assertThat(tracking.events()).extracting("milestone")
                .containsExactly(Milestone.PRE_TRANSIT, Milestone.IN_TRANSIT, Milestone.DELIVERED);
        assertThat(tracking.events().get(2).proofOfDelivery().signedBy()).isEqualTo("MÜLLER");
    }

    @Test
    void aRefusedCallbackIsRedeliveredWithTheSameEvent() {
        receiver = CallbackReceiver.refusingFirst(2);
        String trackingNumber = booked();

        done(connector.registerTracker(trackingNumber, receiver.url()));

        await().atMost(WITHIN).until(() -> receiver.accepted().size() == 2);
        assertThat(receiver.refused()).hasSize(2);
        assertThat(receiver.refused()).allSatisfy(refused -> {
            assertThat(refused.body()).isEqualTo(receiver.accepted().get(0).body());
            assertThat(verify(refused)).isEqualTo(Verification.VALID);
        });
        assertThat(receiver.accepted()).allSatisfy(callback -> assertThat(verify(callback)).isEqualTo(Verification.VALID));
        assertThat(sandbox.stats().callbackRetries()).isEqualTo(2);
        assertThat(sandbox.stats().callbacksFailed()).isZero();
    }

    @Test
    void anUnreachableReceiverIsGivenUpAfterTheRetries() throws IOException {
        String trackingNumber = booked();

        done(connector.registerTracker(trackingNumber, URI.create("http://127.0.0.1:" + closedPort() + "/callbacks")));

        await().atMost(WITHIN).until(() -> sandbox.stats().callbacksFailed() == 2);
        assertThat(sandbox.stats().callbackRetries()).isEqualTo(10);
        assertThat(sandbox.stats().callbacksDelivered()).isZero();
    }

    @Test
    void registeringTwiceStartsOneJourney() {
        receiver = CallbackReceiver.start();
        String trackingNumber = booked();

        done(connector.registerTracker(trackingNumber, receiver.url()));
        done(connector.registerTracker(trackingNumber, receiver.url()));

        await().atMost(WITHIN).until(() -> receiver.accepted().size() >= 2);
        await().during(Duration.ofMillis(300)).atMost(WITHIN).until(() -> receiver.accepted().size() == 2);
    }

    @Test
    void anEventCanBePushedOnDemand() {
        receiver = CallbackReceiver.start();
        String trackingNumber = booked();
        done(connector.registerTracker(trackingNumber, receiver.url()));
        await().atMost(WITHIN).until(() -> receiver.accepted().size() == 2);

        int status = Http.send("POST", sandbox.baseUri().resolve("/admin/trackers/" + trackingNumber + "/events"),
                "{\"status\": \"return_to_sender\", \"description\": \"Refused by recipient\"}").statusCode();

        assertThat(status).isEqualTo(202);
        await().atMost(WITHIN).until(() -> receiver.accepted().size() == 3);
        Received pushed = receiver.accepted().get(2);
        assertThat(verify(pushed)).isEqualTo(Verification.VALID);
        assertThat(pushed.json().path("status").asText()).isEqualTo("return_to_sender");
        assertThat(pushed.json().path("description").asText()).isEqualTo("Refused by recipient");
    }

    @Test
    void anUnknownTrackingNumberCannotBeTracked() {
        receiver = CallbackReceiver.start();

        assertThat(failure(connector.registerTracker("SBX000000000000", receiver.url())).kind())
                .isEqualTo(CarrierErrorKind.INVALID_REQUEST);
    }
}
