package dev.carrierhub.carriers.sandbox;

import static dev.carrierhub.carriers.sandbox.BookingCallLog.Operation.FIND_BOOKING;
import static dev.carrierhub.carriers.sandbox.BookingCallLog.Operation.SHIP;
import static dev.carrierhub.carriers.sandbox.Stages.done;
import static dev.carrierhub.carriers.sandbox.Stages.failure;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import dev.carrierhub.carriers.BookingResult;
import dev.carrierhub.carriers.sandbox.BookingCallLog.BookingCall;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The sandbox's log of booking calls: what a client asked under which key, and how it was answered. */
class BookingCallLogTest {
    private SandboxCarrierServer sandbox;
    private SandboxConnector connector;

    @BeforeEach
    void start() {
        sandbox = new SandboxCarrierServer(SandboxServerConfig.defaults("whsec_test")).start();
        connector = new SandboxConnector(new SandboxSettings(sandbox.baseUri(), null, Duration.ofMillis(500)));
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    @Test
    void logsEveryBookingAndLookUpWithItsKeyAndAnswer() {
        done(connector.findBooking("key-1"));
        done(connector.ship(TestShipments.domestic(), "SBX_STANDARD", "key-1"));
        done(connector.findBooking("key-1"));
        done(connector.ship(TestShipments.domestic(), "SBX_STANDARD", "key-1"));
        done(connector.ship(TestShipments.domestic(), "SBX_ECONOMY", "key-2"));
        Http.send("POST", sandbox.baseUri().resolve("/v1/shipments"), "{}");
        Http.send("POST", sandbox.baseUri().resolve("/v1/rates"), "{}");

        assertThat(sandbox.bookingCalls().all())
                .extracting(BookingCall::operation, BookingCall::idempotencyKey, BookingCall::status)
                .containsExactly(
                        tuple(FIND_BOOKING, "key-1", 404),
                        tuple(SHIP, "key-1", 201),
                        tuple(FIND_BOOKING, "key-1", 200),
                        tuple(SHIP, "key-1", 200),
                        tuple(SHIP, "key-2", 201),
                        tuple(SHIP, "", 400));
        assertThat(sandbox.bookingCalls().forKey("key-2")).extracting(BookingCall::operation).containsExactly(SHIP);
        assertThat(sandbox.stats().bookings()).as("the replay is a second call, not a second booking").isEqualTo(2);
    }

    @Test
    void aHeldBookingIsLoggedOnceItIsServed() {
        sandbox.behaviour().hang();
        CompletionStage<BookingResult> unseen = connector.ship(TestShipments.domestic(), "SBX_STANDARD", "key-1");
        await().atMost(Duration.ofSeconds(5)).until(() -> sandbox.behaviour().heldRequests().contains("POST /v1/shipments"));

        assertThat(sandbox.bookingCalls().forKey("key-1")).isEmpty();
        failure(unseen);
        sandbox.behaviour().release();

        await().atMost(Duration.ofSeconds(5)).until(() -> !sandbox.bookingCalls().forKey("key-1").isEmpty());
        assertThat(sandbox.bookingCalls().forKey("key-1")).extracting(BookingCall::operation, BookingCall::status)
                .containsExactly(tuple(SHIP, 201));
        assertThat(sandbox.stats().bookings()).isEqualTo(1);
    }

    @Test
    void aDiscardedBookingIsNeverServedNorLogged() {
        sandbox.behaviour().hang();
        CompletionStage<BookingResult> lost = connector.ship(TestShipments.domestic(), "SBX_STANDARD", "key-1");
        await().atMost(Duration.ofSeconds(5)).until(() -> sandbox.behaviour().heldRequests().contains("POST /v1/shipments"));

        sandbox.behaviour().discardHeld();

        failure(lost);
        assertThat(sandbox.behaviour().hanging()).isFalse();
        assertThat(done(connector.findBooking("key-1"))).isEmpty();
        assertThat(sandbox.bookingCalls().forKey("key-1")).extracting(BookingCall::operation, BookingCall::status)
                .containsExactly(tuple(FIND_BOOKING, 404));
        assertThat(sandbox.stats().bookings()).isZero();
    }

    @Test
    void keepsOnlyTheMostRecentCalls() {
        BookingCallLog log = new BookingCallLog(2, Clock.fixed(Instant.parse("2026-01-02T03:04:05Z"), ZoneOffset.UTC));

        log.record(SHIP, "a", 201);
        log.record(FIND_BOOKING, "b", 404);
        log.record(SHIP, "c", 201);

        assertThat(log.all()).containsExactly(
                new BookingCall(FIND_BOOKING, "b", 404, Instant.parse("2026-01-02T03:04:05Z")),
                new BookingCall(SHIP, "c", 201, Instant.parse("2026-01-02T03:04:05Z")));
        assertThat(log.forKey("a")).isEmpty();
    }
}
