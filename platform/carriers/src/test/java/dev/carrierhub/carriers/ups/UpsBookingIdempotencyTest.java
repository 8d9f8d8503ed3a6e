package dev.carrierhub.carriers.ups;

import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static dev.carrierhub.carriers.ups.UpsFixtures.KEY;
import static dev.carrierhub.carriers.ups.UpsFixtures.done;
import static dev.carrierhub.carriers.ups.UpsFixtures.failure;
import static dev.carrierhub.carriers.ups.UpsWireMock.SHIP_PATH;
import static dev.carrierhub.carriers.ups.UpsWireMock.VOID_PATH;
import static dev.carrierhub.carriers.ups.UpsWireMock.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.carrierhub.carriers.BookingResult;
import dev.carrierhub.carriers.CarrierErrorKind;
import dev.carrierhub.carriers.CarrierException;
import dev.carrierhub.carriers.CarrierMessage;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * UPS has no idempotency key: one key makes one booking within the connector, a booking that answers after
 * its caller gave up is still found, and what cannot be known is answered empty.
 */
class UpsBookingIdempotencyTest {
    @RegisterExtension
    static WireMockExtension ups = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private UpsWireMock stand;
    private UpsConnector connector;

    @BeforeEach
    void setUp() {
        stand = new UpsWireMock(ups);
        stand.tokenAnswers("token-200.json");
        connector = stand.connector();
    }

    @Test
    void bookingTwiceWithOneKeyBuysOneLabel() {
        ups.stubFor(post(urlEqualTo(SHIP_PATH)).willReturn(json(200, "ship-200.json")));

        BookingResult first = done(connector.ship(UpsFixtures.domesticUs(), "03", KEY));
        BookingResult again = done(connector.ship(UpsFixtures.domesticUs(), "03", KEY));

        assertThat(again).isEqualTo(first);
        ups.verify(1, postRequestedFor(urlEqualTo(SHIP_PATH)));
    }

    @Test
    void concurrentBookingsWithOneKeyShareOneCall() {
        ups.stubFor(post(urlEqualTo(SHIP_PATH)).willReturn(json(200, "ship-200.json").withFixedDelay(300)));

        CompletableFuture<BookingResult> one = connector.ship(UpsFixtures.domesticUs(), "03", KEY).toCompletableFuture();
        CompletableFuture<BookingResult> two = connector.ship(UpsFixtures.domesticUs(), "03", KEY).toCompletableFuture();

        assertThat(done(one)).isEqualTo(done(two));
        ups.verify(1, postRequestedFor(urlEqualTo(SHIP_PATH)));
    }

    @Test
    void theKeyOfOneBookingCannotBookAnother() {
        ups.stubFor(post(urlEqualTo(SHIP_PATH)).willReturn(json(200, "ship-200.json")));
        done(connector.ship(UpsFixtures.domesticUs(), "03", KEY));

        CarrierException e = failure(connector.ship(UpsFixtures.domesticUs(), "02", KEY));

        assertThat(e.kind()).isEqualTo(CarrierErrorKind.INVALID_REQUEST);
        assertThat(e.carrierField()).contains("idempotencyKey");
        ups.verify(1, postRequestedFor(urlEqualTo(SHIP_PATH)));
    }

    @Test
    void findBookingKnowsTheBookingsOfThisConnectorOnly() {
        ups.stubFor(post(urlEqualTo(SHIP_PATH)).willReturn(json(200, "ship-200.json")));
        BookingResult booked = done(connector.ship(UpsFixtures.domesticUs(), "03", KEY));

        assertThat(done(connector.findBooking(KEY))).contains(booked);
        assertThat(done(connector.findBooking("booking:someone-else"))).isEmpty();
        assertThat(done(stand.connector().findBooking(KEY))).as("another process").isEmpty();
    }

    @Test
    void aBookingUpsConfirmsAfterTheCallerGaveUpIsFoundAndNotBookedAgain() {
        ups.stubFor(post(urlEqualTo(SHIP_PATH)).willReturn(json(200, "ship-200.json").withFixedDelay(1200)));
        UpsConnector impatient = stand.connector(UpsSettings.of(stand.baseUri(), UpsFixtures.CLIENT_ID,
                UpsFixtures.CLIENT_SECRET, UpsFixtures.ACCOUNT, Duration.ofMillis(400)));

        CarrierException timedOut = failure(impatient.ship(UpsFixtures.domesticUs(), "03", KEY));
        assertThat(timedOut.kind()).isEqualTo(CarrierErrorKind.TRANSIENT);
        assertThat(timedOut.getMessage()).contains("findBooking");

        Optional<BookingResult> found = await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(100))
                .ignoreExceptions()
                .until(() -> done(impatient.findBooking(KEY)), Optional::isPresent);
        assertThat(found.get().carrierShipmentId()).isEqualTo("1ZA1B2C30390000017");
        assertThat(done(impatient.ship(UpsFixtures.domesticUs(), "03", KEY))).isEqualTo(found.get());
        ups.verify(1, postRequestedFor(urlEqualTo(SHIP_PATH)));
    }

    @Test
    void aBookingUpsRefusedIsNotFound() {
        ups.stubFor(post(urlEqualTo(SHIP_PATH)).willReturn(json(400, "error-400-postal-code.json")));

        failure(connector.ship(UpsFixtures.domesticUs(), "03", KEY));

        assertThat(done(connector.findBooking(KEY))).isEmpty();
    }

    @Test
    void aVoidedBookingIsFoundWithAWarning() {
        ups.stubFor(post(urlEqualTo(SHIP_PATH)).willReturn(json(200, "ship-200.json")));
        ups.stubFor(delete(urlEqualTo(VOID_PATH)).willReturn(json(200, "void-200.json")));
        BookingResult booked = done(connector.ship(UpsFixtures.domesticUs(), "03", KEY));

        done(connector.voidLabel(booked.carrierShipmentId()));

        assertThat(done(connector.findBooking(KEY))).hasValueSatisfying(found -> assertThat(found.messages())
                .extracting(CarrierMessage::code).contains("shipment_voided"));
    }

    @Test
    void aBlankKeyIsRefusedBeforeAnythingIsSent() {
        org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
                .isThrownBy(() -> connector.ship(UpsFixtures.domesticUs(), "03", " "));
    }
}
