package dev.carrierhub.carriers.sendcloud;

import static dev.carrierhub.carriers.sendcloud.SendcloudResources.reply;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

import dev.carrierhub.carriers.BookingResult;
import dev.carrierhub.carriers.CarrierErrorKind;
import dev.carrierhub.carriers.CarrierException;
import dev.carrierhub.carriers.CarrierMessage;
import dev.carrierhub.carriers.Label;
import dev.carrierhub.carriers.RateResult;
import dev.carrierhub.carriers.TrackingEvent;
import dev.carrierhub.carriers.TrackingResult;
import dev.carrierhub.carriers.VoidResult;
import dev.carrierhub.contracts.events.Milestone;
import dev.carrierhub.contracts.events.Quote;
import dev.carrierhub.contracts.shipment.Money;
import dev.carrierhub.contracts.shipment.ServiceLevel;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SendcloudResponseMapperTest {
    private final SendcloudResponseMapper mapper = new SendcloudResponseMapper(
            Clock.fixed(Instant.parse("2026-03-02T09:00:00Z"), ZoneOffset.UTC));

    @Test
    void shippingOptionsWithAQuoteBecomeQuotesAtTheirTotal() {
        RateResult result = mapper.toRateResult(reply(200, "shipping-options.json"));

        assertThat(result.quotes()).extracting(Quote::quoteId, Quote::carrier, Quote::serviceCode, Quote::serviceLevel,
                Quote::price, Quote::transitDays).containsExactly(
                tuple(null, "sendcloud", "dhl:parcel/home_address_only", ServiceLevel.EXPRESS, Money.of("11.98", "EUR"), 2),
                tuple(null, "sendcloud", "dpd:classic", ServiceLevel.STANDARD, Money.of("9.45", "EUR"), 3),
                tuple(null, "sendcloud", "ups:express_saver", ServiceLevel.OVERNIGHT, Money.of("31.10", "EUR"), 1));
        assertThat(result.messages()).extracting(CarrierMessage::code, CarrierMessage::severity)
                .containsExactly(tuple("options_without_quote", CarrierMessage.Severity.INFO));
    }

    @Test
    void noShippingOptionIsAnEmptyResultWithSendcloudsWords() {
        RateResult result = mapper.toRateResult(reply(200, "shipping-options-empty.json"));

        assertThat(result.quotes()).isEmpty();
        assertThat(result.messages()).singleElement().extracting(CarrierMessage::text).asString()
                .startsWith("We couldn't find any shipping options");
    }

    @Test
    void aSingleParcelAnnouncementCarriesItsLabelInline() {
        SendcloudShipment announced = mapper.toAnnouncement(reply(201, "announce-single.json")).orElseThrow();

        assertThat(announced.id()).isEqualTo("7c9e1a3b-5d7f-4b2e-8a6c-0e2f4a6b8c0d");
        assertThat(announced.trackingNumber()).isEqualTo("1234567890");
        assertThat(announced.carrierCode()).isEqualTo("dhl_express");
        assertThat(mapper.inlineLabel(announced.parcels().get(0)))
                .hasValueSatisfying(pdf -> assertThat(new String(pdf, StandardCharsets.US_ASCII)).isEqualTo("%PDF-1.4 sendcloud label P1"));
    }

    @Test
    void aMultiParcelAnnouncementLinksOneLabelPerParcel() {
        SendcloudShipment announced = mapper.toAnnouncement(reply(201, "announce-multi.json")).orElseThrow();

        assertThat(announced.parcels()).extracting(SendcloudShipment.Parcel::trackingNumber, SendcloudShipment.Parcel::labelLink)
                .containsExactly(
                        tuple("JJD000390007654321", URI.create("https://files.example/api/v3/parcels/383707310/documents/label")),
                        tuple("JJD000390007654322", URI.create("https://files.example/api/v3/parcels/383707311/documents/label")));
        assertThat(mapper.inlineLabel(announced.parcels().get(0))).isEmpty();

        BookingResult booking = mapper.toBookingResult(announced, List.of("P1", "P2"), List.of(new byte[] {1}, new byte[] {2}), "EUR");
        assertThat(booking.carrierShipmentId()).isEqualTo("5b4f0a52-4d0c-4f3e-9f6f-3a3d2c1b0a98");
        assertThat(booking.trackingNumber()).isEqualTo("JJD000390007654321");
        assertThat(booking.price()).isEqualTo(new Money(java.math.BigDecimal.ZERO, "EUR"));
        assertThat(booking.labels()).containsExactly(new Label("P1", Label.PDF, new byte[] {1}), new Label("P2", Label.PDF, new byte[] {2}));
        assertThat(booking.messages()).extracting(CarrierMessage::code).containsExactly("price_not_reported");
    }

    @Test
    void aRefusedAnnouncementIsInvalidWithTheCarriersWords() {
        CarrierException error = catchThrowableOfType(CarrierException.class,
                () -> mapper.toAnnouncement(reply(201, "announce-failed.json")));

        assertThat(error.kind()).isEqualTo(CarrierErrorKind.INVALID_REQUEST);
        assertThat(error.carrierField()).contains("parcel_announcement_error");
        assertThat(error.carrierMessage()).contains("Service error: An error occurred while connecting to the carrier.");
    }

    @Test
    void a409ReplaysTheFirstShipmentOrAsksForALookUp() {
        assertThat(mapper.toAnnouncement(reply(409, "announce-409-with-data.json")))
                .map(SendcloudShipment::id).contains("5b4f0a52-4d0c-4f3e-9f6f-3a3d2c1b0a98");
        assertThat(mapper.toAnnouncement(reply(409, "announce-409-errors.json"))).isEmpty();
    }

    @Test
    void theShipmentOfAKeyIsFoundUnlessItsAnnouncementFailed() {
        assertThat(mapper.toFoundShipment(reply(200, "shipments-list.json"), "label:9d5ed678:1"))
                .map(SendcloudShipment::id).contains("5b4f0a52-4d0c-4f3e-9f6f-3a3d2c1b0a98");
        assertThat(mapper.toFoundShipment(reply(200, "shipments-list.json"), "label:other")).isEmpty();
        assertThat(mapper.toFoundShipment(reply(200, "shipments-list-failed.json"), "label:9d5ed678:1")).isEmpty();
        assertThat(mapper.toFoundShipment(reply(404, "cancel-404.json"), "label:9d5ed678:1")).isEmpty();
    }

    @Test
    void cancellationsBecomeVoidsAndARepeatIsAlreadyVoided() {
        VoidResult cancelled = mapper.toVoidResult("5b4f", reply(200, "cancel-200.json"));
        assertThat(cancelled.alreadyVoided()).isFalse();
        assertThat(cancelled.messages()).extracting(CarrierMessage::code).containsExactly("cancelled");

        assertThat(mapper.toVoidResult("5b4f", reply(202, "cancel-202.json")).messages()).extracting(CarrierMessage::code)
                .containsExactly("cancellation_queued");
        assertThat(mapper.toVoidResult("5b4f", reply(409, "cancel-409-already.json")).alreadyVoided()).isTrue();

        CarrierException delivered = catchThrowableOfType(CarrierException.class,
                () -> mapper.toVoidResult("5b4f", reply(409, "cancel-409-delivered.json")));
        assertThat(delivered.kind()).isEqualTo(CarrierErrorKind.INVALID_REQUEST);
        assertThat(delivered.carrierMessage()).contains("The shipment has been delivered and cannot be cancelled.");
    }

    @Test
    void trackingEventsAreSortedOldestFirstAndMappedByPhase() {
        TrackingResult result = mapper.toTrackingResult("JJD000390007654321", reply(200, "tracking.json"));

        assertThat(result.milestone()).isEqualTo(Milestone.DELIVERED);
        assertThat(result.events()).extracting(TrackingEvent::milestone, TrackingEvent::carrierStatus).containsExactly(
                tuple(Milestone.PRE_TRANSIT, "announced"),
                tuple(Milestone.IN_TRANSIT, "accepted"),
                tuple(Milestone.OUT_FOR_DELIVERY, "in_delivery"),
                tuple(Milestone.DELIVERED, "delivered/neighbour"));
        TrackingEvent delivered = result.events().get(3);
        assertThat(delivered.description()).isEqualTo("Parcel has been delivered to a neighbour.");
        assertThat(delivered.proofOfDelivery().deliveredAt()).isEqualTo(Instant.parse("2026-03-04T11:20:00Z"));
    }

    @Test
    void pushedParcelEventsMapPhaseAndException() {
        TrackingEvent inDelivery = mapper.toTrackingEvent(
                SendcloudResources.recorded("event-parcel-in-delivery.json", "").getBytes(StandardCharsets.UTF_8));
        assertThat(inDelivery.trackingNumber()).isEqualTo("JJD000390007654321");
        assertThat(inDelivery.milestone()).isEqualTo(Milestone.OUT_FOR_DELIVERY);
        assertThat(inDelivery.location()).isEqualTo("München, DE");

        TrackingEvent refused = mapper.toTrackingEvent(
                SendcloudResources.recorded("event-parcel-refused.json", "").getBytes(StandardCharsets.UTF_8));
        assertThat(refused.milestone()).isEqualTo(Milestone.EXCEPTION);
        assertThat(refused.carrierStatus()).isEqualTo("in_delivery/refused");

        assertThat(catchThrowableOfType(IllegalArgumentException.class,
                () -> mapper.toTrackingEvent("{\"action\":\"parcel_status_changed\"}".getBytes(StandardCharsets.UTF_8)))).isNotNull();
    }

    @ParameterizedTest
    @CsvSource(value = {
            "400, error-400.json, INVALID_REQUEST, to_address.name, This field is required.",
            "400, error-400-parcel.json, INVALID_REQUEST, parcels[1].weight.value, Ensure this value is greater than or equal to 0.001.",
            "404, tracking-404.json, INVALID_REQUEST, null, Parcel with tracking number JJD000000000000000 not found.",
            "422, tracking-422.json, INVALID_REQUEST, path.tracking_number, String should have at most 255 characters",
            "401, error-401.json, AUTH_FAILED, null, Invalid username/password.",
            "403, error-401.json, AUTH_FAILED, null, Invalid username/password.",
            "429, error-429.json, RATE_LIMITED, null, Request was throttled. Expected available in 30 seconds.",
            "500, error-500.html, TRANSIENT, null, null",
            "503, error-503.html, UNAVAILABLE, null, null"}, nullValues = "null")
    void errorBodiesParseToTheirKindWithTheCarriersFieldAndWords(int status, String file, CarrierErrorKind kind,
            String field, String carrierMessage) {
        CarrierException error = mapper.toError(reply(status, file));

        assertThat(error.kind()).isEqualTo(kind);
        assertThat(error.carrierField().orElse(null)).isEqualTo(field);
        assertThat(error.carrierMessage().orElse(null)).isEqualTo(carrierMessage);
    }

    @Test
    void aRateLimitCarriesItsRetryAfter() {
        assertThat(mapper.toError(new SendcloudReply(429, "", "30")).retryAfter()).contains(Duration.ofSeconds(30));
    }

    @Test
    void jsonPointersBecomeFieldPaths() {
        assertThat(SendcloudResponseMapper.field("/to_address/name")).isEqualTo("to_address.name");
        assertThat(SendcloudResponseMapper.field("/data/attributes/parcels/0/weight")).isEqualTo("parcels[0].weight");
        assertThat(SendcloudResponseMapper.field("/")).isNull();
        assertThat(Optional.ofNullable(SendcloudResponseMapper.field("/a~1b"))).contains("a/b");
    }
}
