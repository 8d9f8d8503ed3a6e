package dev.carrierhub.carriers.sandbox;

import static dev.carrierhub.carriers.sandbox.Stages.done;
import static dev.carrierhub.carriers.sandbox.Stages.failure;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.carrierhub.carriers.BookingResult;
import dev.carrierhub.carriers.CarrierErrorKind;
import dev.carrierhub.carriers.CarrierException;
import dev.carrierhub.carriers.Label;
import dev.carrierhub.carriers.RateResult;
import dev.carrierhub.carriers.TrackingResult;
import dev.carrierhub.carriers.VoidResult;
import dev.carrierhub.contracts.events.Milestone;
import dev.carrierhub.contracts.events.Quote;
import dev.carrierhub.contracts.shipment.Money;
import dev.carrierhub.contracts.shipment.ServiceLevel;
import dev.carrierhub.contracts.shipment.Shipment;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SandboxConnectorRoundTripTest {
    private SandboxCarrierServer sandbox;
    private SandboxConnector connector;

    @BeforeEach
    void start() {
        sandbox = new SandboxCarrierServer(SandboxServerConfig.defaults("whsec_test")).start();
        connector = new SandboxConnector(new SandboxSettings(sandbox.baseUri(), null, Duration.ofSeconds(5)));
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    @Test
    void ratesEveryServiceAtTheTariffPrice() {
        RateResult result = done(connector.rate(TestShipments.domestic()));

        assertThat(result.quotes()).extracting(Quote::serviceCode, Quote::serviceLevel, Quote::price, Quote::transitDays)
                .containsExactly(
                        tuple("SBX_ECONOMY", ServiceLevel.ECONOMY, Money.of("6.90", "EUR"), 5),
                        tuple("SBX_STANDARD", ServiceLevel.STANDARD, Money.of("9.90", "EUR"), 3),
                        tuple("SBX_EXPRESS", ServiceLevel.EXPRESS, Money.of("21.15", "EUR"), 1));
        assertThat(result.quotes()).allSatisfy(quote -> assertThat(quote.carrier()).isEqualTo("sandbox"));
    }

    @Test
    void shipReturnsOneRealPdfPagePerParcel() throws IOException {
        BookingResult booking = done(connector.ship(TestShipments.withParcels(3), "SBX_ECONOMY", "key-1"));

        assertThat(booking.trackingNumber()).matches("SBX[0-9]{12}");
        assertThat(booking.price()).isEqualTo(Money.of("7.30", "EUR"));
        assertThat(booking.labels()).extracting(Label::parcelReference).containsExactly("P1", "P2", "P3");
        for (Label label : booking.labels()) {
            assertThat(label.format()).isEqualTo(Label.PDF);
            assertThat(new String(label.content(), 0, 4, StandardCharsets.US_ASCII)).isEqualTo("%PDF");
            try (PDDocument pdf = Loader.loadPDF(label.content())) {
                assertThat(pdf.getNumberOfPages()).isEqualTo(1);
            }
        }
    }

    @Test
    void theSameIdempotencyKeyTwiceIsOneBooking() {
        BookingResult first = done(connector.ship(TestShipments.domestic(), "SBX_STANDARD", "key-1"));
        BookingResult second = done(connector.ship(TestShipments.domestic(), "SBX_STANDARD", "key-1"));

        assertThat(second).isEqualTo(first);
        assertThat(sandbox.stats().bookings()).isEqualTo(1);
        assertThat(sandbox.stats().bookingRequests()).isEqualTo(2);
        assertThat(Http.json(Http.send("GET", sandbox.baseUri().resolve("/admin/stats"), null)).path("bookings").asLong())
                .isEqualTo(1);
    }

    @Test
    void concurrentRequestsWithOneKeyMakeOneBooking() {
        List<CompletableFuture<BookingResult>> calls = IntStream.range(0, 8)
                .mapToObj(i -> connector.ship(TestShipments.domestic(), "SBX_STANDARD", "key-1").toCompletableFuture())
                .toList();

        assertThat(calls).extracting(call -> done(call).carrierShipmentId()).containsOnly(done(calls.get(0)).carrierShipmentId());
        assertThat(sandbox.stats().bookings()).isEqualTo(1);
    }

    @Test
    void distinctKeysGetDistinctTrackingNumbers() {
        BookingResult first = done(connector.ship(TestShipments.domestic(), "SBX_STANDARD", "key-1"));
        BookingResult second = done(connector.ship(TestShipments.domestic(), "SBX_STANDARD", "key-2"));

        assertThat(second.trackingNumber()).isNotEqualTo(first.trackingNumber());
        assertThat(sandbox.stats().bookings()).isEqualTo(2);
    }

    @Test
    void aKeyReusedForAnotherRequestIsRefused() {
        done(connector.ship(TestShipments.domestic(), "SBX_STANDARD", "key-1"));

        CarrierException error = failure(connector.ship(TestShipments.domestic(), "SBX_EXPRESS", "key-1"));

        assertThat(error.kind()).isEqualTo(CarrierErrorKind.INVALID_REQUEST);
        assertThat(error.carrierField()).contains("Idempotency-Key");
    }

    @Test
    void findBookingReturnsTheBookingMadeUnderAKey() {
        BookingResult booked = done(connector.ship(TestShipments.domestic(), "SBX_STANDARD", "key-1"));

        assertThat(done(connector.findBooking("key-1"))).contains(booked);
        assertThat(done(connector.findBooking("never-used"))).isEmpty();
    }

    @Test
    void voidsOnceAndSaysSoTheSecondTime() {
        BookingResult booked = done(connector.ship(TestShipments.domestic(), "SBX_STANDARD", "key-1"));

        VoidResult first = done(connector.voidLabel(booked.carrierShipmentId()));
        VoidResult second = done(connector.voidLabel(booked.carrierShipmentId()));

        assertThat(first.alreadyVoided()).isFalse();
        assertThat(second.alreadyVoided()).isTrue();
        assertThat(sandbox.stats().voids()).isEqualTo(1);
        assertThat(done(connector.findBooking("key-1"))).get()
                .satisfies(found -> assertThat(found.messages()).extracting("code").contains("shipment_voided"));
    }

    @Test
    void voidingAnUnknownShipmentIsAnInvalidRequest() {
        assertThat(failure(connector.voidLabel("shp_unknown")).kind()).isEqualTo(CarrierErrorKind.INVALID_REQUEST);
    }

    @Test
    void aNewBookingIsPreTransit() {
        BookingResult booked = done(connector.ship(TestShipments.domestic(), "SBX_STANDARD", "key-1"));

        TrackingResult tracking = done(connector.track(booked.trackingNumber()));

        assertThat(tracking.milestone()).isEqualTo(Milestone.PRE_TRANSIT);
        assertThat(tracking.events()).singleElement().satisfies(event -> assertThat(event.location()).isEqualTo("Berlin, DE"));
    }

    @Test
    void anOverweightParcelIsRefusedWithTheField() {
        CarrierException error = failure(connector.ship(TestShipments.weighing("71"), "SBX_STANDARD", "key-1"));

        assertThat(error.kind()).isEqualTo(CarrierErrorKind.INVALID_REQUEST);
        assertThat(error.carrierField()).contains("parcels[0].weight.value");
        assertThat(sandbox.stats().bookings()).isZero();
    }

    @Test
    void hazardousGoodsCannotGoExpress() {
        Shipment base = TestShipments.domestic();
        Shipment hazardous = new Shipment(base.shipmentId(), base.picking(), base.shipFrom(), base.shipTo(),
                base.parcels(), base.declaredValue(), base.serviceLevel(), base.customsLines(), true, null);

        assertThat(done(connector.rate(hazardous)).quotes()).extracting(Quote::serviceCode).doesNotContain("SBX_EXPRESS");
        assertThat(failure(connector.ship(hazardous, "SBX_EXPRESS", "key-1")).carrierField()).contains("service_code");
    }

    @Test
    void theApiKeyIsSentAndAWrongOneIsAnAuthFailure() {
        try (SandboxCarrierServer guarded = new SandboxCarrierServer(
                SandboxServerConfig.defaults("whsec_test").withApiKey("sk_test_1")).start()) {
            SandboxConnector right = new SandboxConnector(new SandboxSettings(guarded.baseUri(), "sk_test_1", Duration.ofSeconds(5)));
            SandboxConnector wrong = new SandboxConnector(new SandboxSettings(guarded.baseUri(), "sk_test_2", Duration.ofSeconds(5)));

            assertThat(done(right.rate(TestShipments.domestic())).quotes()).hasSize(3);
            assertThat(failure(wrong.rate(TestShipments.domestic())).kind()).isEqualTo(CarrierErrorKind.AUTH_FAILED);
        }
    }

    @Test
    void aStoppedSandboxIsUnavailable() {
        sandbox.close();

        assertThat(failure(connector.rate(TestShipments.domestic())).kind()).isEqualTo(CarrierErrorKind.UNAVAILABLE);
    }
}
