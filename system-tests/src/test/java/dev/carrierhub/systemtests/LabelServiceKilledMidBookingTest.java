package dev.carrierhub.systemtests;

import static dev.carrierhub.carriers.sandbox.BookingCallLog.Operation.FIND_BOOKING;
import static dev.carrierhub.carriers.sandbox.BookingCallLog.Operation.SHIP;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.carrierhub.carriers.sandbox.SandboxCarrierServer;
import dev.carrierhub.contracts.Topics;
import dev.carrierhub.contracts.events.Quote;
import dev.carrierhub.contracts.events.ShipmentRated;
import dev.carrierhub.contracts.shipment.Money;
import dev.carrierhub.contracts.shipment.ServiceLevel;
import dev.carrierhub.contracts.shipment.Shipment;
import dev.carrierhub.launcher.LocalSuite;
import dev.carrierhub.launcher.SuiteClient;
import dev.carrierhub.testsupport.KafkaProbe;
import dev.carrierhub.testsupport.TestShipments;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * label-service killed with SIGKILL in the middle of a booking, then started again with the same configuration,
 * books the shipment exactly once: the booking is neither lost nor made twice. The sandbox carrier holds the
 * booking call while the service is killed, so the test decides what the carrier does with it; the sandbox's
 * log of booking calls then shows what the restarted service asked. The shared suite leases label-service's
 * bookings for seconds ({@link SharedSuite#LABEL_BOOKING_LEASE}), so the next attempt comes soon after the restart.
 */
@Order(3)
class LabelServiceKilledMidBookingTest {
    private static final String LABEL_SERVICE = "label-service";
    private static final String SHIP_REQUEST = "POST /v1/shipments";
    private static final Duration PATIENCE = Duration.ofSeconds(90);

    private static LocalSuite suite;
    private static SandboxCarrierServer sandbox;
    private static KafkaProbe kafka;
    private final SuiteClient client = new SuiteClient();

    @BeforeAll
    static void startSuite() {
        suite = SharedSuite.get();
        sandbox = suite.sandbox();
        kafka = new KafkaProbe(suite.stack().bootstrapServers());
    }

    @AfterEach
    void leaveTheSuiteAsFound() {
        sandbox.behaviour().reset();
        if (!suite.service(LABEL_SERVICE).isAlive()) {
            suite.restart(LABEL_SERVICE);
        }
    }

    @Test
    void aBookingTheCarrierMadeWhileTheServiceWasDeadIsFoundNotMadeAgain() {
        Shipment shipment = TestShipments.domestic();
        String key = killDuringTheBookingCall(shipment);

        // The carrier now books; its answer goes to a process that no longer exists.
        sandbox.behaviour().release();
        await().atMost(PATIENCE).until(() -> sandbox.bookingCalls().forKey(key), calls -> !calls.isEmpty());
        assertThat(calls(key)).containsExactly(tuple(SHIP, 201));

        suite.restart(LABEL_SERVICE);
        JsonNode booking = awaitBooked(shipment);

        assertThat(calls(key)).as("the restarted service looked the booking up instead of booking again")
                .containsExactly(tuple(SHIP, 201), tuple(FIND_BOOKING, 200));
        assertThat(booking.path("attempts").asInt()).isEqualTo(2);
        JsonNode booked = bookedEntry(shipment);
        assertThat(booked.path("detail").asText()).startsWith("found the booking made by an earlier attempt")
                .contains("tracking " + booking.path("trackingNumber").asText(), "attempt 2");
        assertThat(awaitLabeled(shipment)).as("shipment.labeled records").isEqualTo(1);
    }

    @Test
    void aBookingCallLostBeforeTheCarrierActedIsMadeOnceAfterTheRestart() {
        Shipment shipment = TestShipments.domestic();
        String key = killDuringTheBookingCall(shipment);

        // The claim is committed, but the carrier never acts on the call: nothing is booked under the key.
        sandbox.behaviour().discardHeld();

        suite.restart(LABEL_SERVICE);
        JsonNode booking = awaitBooked(shipment);

        assertThat(calls(key)).as("the restarted service found nothing under the key, then booked once")
                .containsExactly(tuple(FIND_BOOKING, 404), tuple(SHIP, 201));
        assertThat(booking.path("attempts").asInt()).isEqualTo(2);
        JsonNode booked = bookedEntry(shipment);
        assertThat(booked.path("detail").asText()).startsWith("booked: ")
                .contains("tracking " + booking.path("trackingNumber").asText(), "attempt 2");
        assertThat(awaitLabeled(shipment)).as("shipment.labeled records").isEqualTo(1);
    }

    /**
     * Sends a rated shipment while the sandbox holds every call, waits until it holds label-service's booking
     * call, and kills label-service; returns the booking's idempotency key.
     */
    private String killDuringTheBookingCall(Shipment shipment) {
        sandbox.behaviour().hang();
        kafka.send(rated(shipment));

        String key = awaitBooking(shipment, booking -> true).path("idempotencyKey").asText();
        await().atMost(PATIENCE).until(() -> sandbox.behaviour().heldRequests(), held -> held.contains(SHIP_REQUEST));
        suite.service(LABEL_SERVICE).kill();

        // Killed during its first and only call: of the booking calls, the carrier holds just that one (other
        // services' calls may be held too) and has served nothing under the key.
        assertThat(sandbox.behaviour().heldRequests()).filteredOn(held -> held.endsWith(" /v1/shipments"))
                .containsExactly(SHIP_REQUEST);
        assertThat(sandbox.bookingCalls().forKey(key)).isEmpty();
        return key;
    }

    private static ShipmentRated rated(Shipment shipment) {
        Quote quote = new Quote("rate_" + shipment.picking().pickingId(), "sandbox", "SBX_ECONOMY",
                ServiceLevel.ECONOMY, Money.of("6.90", "EUR"), 5);
        return new ShipmentRated(shipment, quote, List.of(), "cheapest", Instant.now());
    }

    private JsonNode awaitBooked(Shipment shipment) {
        JsonNode booking = awaitBooking(shipment, b -> !"REQUESTED".equals(b.path("state").asText()));
        assertThat(booking.path("state").asText()).as("booking %s", booking).isEqualTo("BOOKED");
        return booking;
    }

    private JsonNode awaitBooking(Shipment shipment, Predicate<JsonNode> condition) {
        URI uri = url("/shipments/" + shipment.shipmentId() + "/booking");
        return await().atMost(PATIENCE).pollInterval(Duration.ofMillis(100)).ignoreExceptions()
                .until(() -> client.getJson(uri), found -> found.filter(condition).isPresent())
                .orElseThrow();
    }

    /** The audit entry of the move to BOOKED, after checking it is the only transition since the request. */
    private JsonNode bookedEntry(Shipment shipment) {
        JsonNode audit = client.getJson(url("/shipments/" + shipment.shipmentId() + "/audit")).orElseThrow();
        List<JsonNode> entries = new ArrayList<>();
        audit.forEach(entries::add);
        assertThat(entries).extracting(e -> e.path("fromState").asText(null), e -> e.path("toState").asText())
                .containsExactly(tuple(null, "REQUESTED"), tuple("REQUESTED", "BOOKED"));
        return entries.get(1);
    }

    /** How many {@code shipment.labeled} records the shipment has, once it has one. */
    private static int awaitLabeled(Shipment shipment) {
        return await().atMost(PATIENCE)
                .until(() -> kafka.records(Topics.SHIPMENT_LABELED, shipment.shipmentId()).size(), count -> count > 0);
    }

    private static List<Tuple> calls(String key) {
        return sandbox.bookingCalls().forKey(key).stream()
                .map(call -> tuple(call.operation(), call.status()))
                .toList();
    }

    private static URI url(String path) {
        return suite.service(LABEL_SERVICE).baseUri().resolve(path);
    }
}
