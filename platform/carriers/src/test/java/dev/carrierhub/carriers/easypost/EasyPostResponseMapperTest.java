package dev.carrierhub.carriers.easypost;

import static dev.carrierhub.carriers.easypost.EasyPostResources.reply;
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
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EasyPostResponseMapperTest {
    private static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");
    private final EasyPostResponseMapper mapper = new EasyPostResponseMapper(Label.PDF, Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void aCreatedShipmentGivesOneQuotePerRateAndTheCarriersRatingErrorsAsWarnings() {
        RateResult result = mapper.toRateResult(reply(201, "shipment-created.json"));

        assertThat(result.quotes()).extracting(Quote::quoteId, Quote::carrier, Quote::serviceCode, Quote::serviceLevel,
                Quote::price, Quote::transitDays).containsExactly(
                tuple("rate_usps_priority_1", "easypost", "USPS:Priority", ServiceLevel.EXPRESS, Money.of("11.01", "USD"), 2),
                tuple("rate_usps_ground_1", "easypost", "USPS:GroundAdvantage", ServiceLevel.STANDARD, Money.of("8.20", "USD"), 3),
                tuple("rate_ups_nda_1", "easypost", "UPS:NextDayAir", ServiceLevel.OVERNIGHT, Money.of("48.75", "USD"), 1),
                tuple("rate_ups_ground_1", "easypost", "UPS:Ground", null, Money.of("14.10", "USD"), null));
        assertThat(result.messages()).containsExactly(new CarrierMessage("rate_error",
                "FedEx: Invalid destination postal code", CarrierMessage.Severity.WARNING));
    }

    @Test
    void aCreatedShipmentIsNotYetPurchasedAndOffersItsRatesByServiceCode() {
        EasyPostShipment created = mapper.toShipment(reply(201, "shipment-created.json"));

        assertThat(created.purchased()).isFalse();
        assertThat(created.reference()).isEqualTo("label:9d5ed678:1");
        assertThat(mapper.chooseRate(created, "USPS:Priority").id()).isEqualTo("rate_usps_priority_1");
        assertThat(mapper.chooseRate(created, "ups:Ground").id()).isEqualTo("rate_ups_ground_1");
    }

    @Test
    void aServiceEasyPostDidNotOfferIsAnInvalidRequestOnServiceCode() {
        EasyPostShipment created = mapper.toShipment(reply(201, "shipment-created.json"));

        for (String code : new String[] {"FedEx:Ground", "Priority", "USPS:priority"}) {
            CarrierException refused = catchThrowableOfType(CarrierException.class, () -> mapper.chooseRate(created, code));
            assertThat(refused.kind()).isEqualTo(CarrierErrorKind.INVALID_REQUEST);
            assertThat(refused.carrierField()).contains("service_code");
            assertThat(refused.getMessage()).contains("USPS:Priority", "UPS:Ground");
        }
    }

    @Test
    void aBoughtShipmentGivesTheTrackingCodeThePriceAndThePdfLink() {
        EasyPostShipment bought = mapper.toShipment(reply(200, "shipment-bought.json"));

        assertThat(bought.purchased()).isTrue();
        assertThat(bought.trackingCode()).isEqualTo("9405500208303109884175");
        assertThat(bought.selectedRate().price()).isEqualTo(Money.of("11.01", "USD"));
        assertThat(bought.label()).isEqualTo(new EasyPostShipment.LabelLink(
                URI.create("https://files.example/files/postage_label/shp_test_1.pdf"), Label.PDF));

        BookingResult booking = mapper.toBookingResult(bought, "P1", "%PDF-1.4".getBytes(StandardCharsets.US_ASCII));
        assertThat(booking.carrierShipmentId()).isEqualTo("shp_test_1");
        assertThat(booking.trackingNumber()).isEqualTo("9405500208303109884175");
        assertThat(booking.price()).isEqualTo(Money.of("11.01", "USD"));
        assertThat(booking.labels()).containsExactly(new Label("P1", Label.PDF, "%PDF-1.4".getBytes(StandardCharsets.US_ASCII)));
        assertThat(booking.messages()).isEmpty();
    }

    @Test
    void withoutTheWantedFormatTheDefaultLabelIsTakenInItsOwnFormat() {
        EasyPostResponseMapper zpl = new EasyPostResponseMapper(Label.ZPL);

        assertThat(zpl.toShipment(reply(200, "shipment-bought.json")).label()).isEqualTo(new EasyPostShipment.LabelLink(
                URI.create("https://files.example/files/postage_label/shp_test_1.png"), Label.PNG));
    }

    @Test
    void aShipmentLookedUpByReferenceIsAbsentOn404() {
        assertThat(mapper.toFoundShipment(reply(404, "error-404.json"))).isEmpty();
        assertThat(mapper.toFoundShipment(reply(200, "shipment-bought.json"))).map(EasyPostShipment::id).contains("shp_test_1");
    }

    @Test
    void refundStatusesBecomeVoidResults() {
        VoidResult submitted = mapper.toVoidResult("shp_test_1", reply(200, "shipment-refund-submitted.json"));
        assertThat(submitted.carrierShipmentId()).isEqualTo("shp_test_1");
        assertThat(submitted.alreadyVoided()).isFalse();
        assertThat(submitted.messages()).extracting(CarrierMessage::code).containsExactly("refund_submitted");

        VoidResult notApplicable = mapper.toVoidResult("shp_test_1", reply(200, "shipment-refund-not-applicable.json"));
        assertThat(notApplicable.messages()).extracting(CarrierMessage::code, CarrierMessage::severity)
                .containsExactly(tuple("refund_not_applicable", CarrierMessage.Severity.WARNING));

        CarrierException rejected = catchThrowableOfType(CarrierException.class,
                () -> mapper.toVoidResult("shp_test_1", reply(200, "shipment-refund-rejected.json")));
        assertThat(rejected.kind()).isEqualTo(CarrierErrorKind.INVALID_REQUEST);
        assertThat(rejected.carrierMessage()).contains("rejected");
    }

    @Test
    void aShipmentWhoseRefundWasAskedForIsAlreadyVoided() {
        EasyPostShipment refunded = mapper.toShipment(reply(200, "shipment-refunded.json"));

        assertThat(refunded.refundRequested()).isTrue();
        assertThat(mapper.alreadyVoided(refunded).alreadyVoided()).isTrue();
        assertThat(mapper.toShipment(reply(200, "shipment-bought.json")).refundRequested()).isFalse();
    }

    @Test
    void aTrackerListGivesTheMilestoneEventsOldestFirstAndProofOfDelivery() {
        TrackingResult result = mapper.toTrackingResult("9405500208303109884175", reply(200, "trackers-delivered.json"));

        assertThat(result.trackingNumber()).isEqualTo("9405500208303109884175");
        assertThat(result.milestone()).isEqualTo(Milestone.DELIVERED);
        assertThat(result.events()).extracting(TrackingEvent::milestone, TrackingEvent::carrierStatus, TrackingEvent::location)
                .containsExactly(
                        tuple(Milestone.PRE_TRANSIT, "pre_transit/label_created", null),
                        tuple(Milestone.IN_TRANSIT, "in_transit/arrived_at_facility", "SAN FRANCISCO, CA, US"),
                        tuple(Milestone.OUT_FOR_DELIVERY, "out_for_delivery", "REDONDO BEACH, CA, US"),
                        tuple(Milestone.DELIVERED, "delivered/arrived_at_destination", "REDONDO BEACH, CA, US"));
        TrackingEvent delivered = result.events().get(3);
        assertThat(delivered.occurredAt()).isEqualTo(Instant.parse("2026-03-05T17:02:00Z"));
        assertThat(delivered.description()).isEqualTo("Delivered, In/At Mailbox");
        assertThat(delivered.proofOfDelivery().signedBy()).isEqualTo("J DOE");
        assertThat(delivered.proofOfDelivery().deliveredAt()).isEqualTo(delivered.occurredAt());
        assertThat(result.events().get(0).proofOfDelivery()).isNull();
    }

    @Test
    void anEmptyTrackerListIsUnknownWithAWarning() {
        TrackingResult result = mapper.toTrackingResult("EZ9", reply(200, "trackers-empty.json"));

        assertThat(result.milestone()).isEqualTo(Milestone.UNKNOWN);
        assertThat(result.events()).isEmpty();
        assertThat(result.messages()).extracting(CarrierMessage::code).containsExactly("tracker_not_found");
    }

    @Test
    void aPushedTrackerEventGivesTheTrackersStatus() {
        TrackingResult update = mapper.toTrackingUpdate(
                EasyPostResources.recorded("event-tracker-updated.json", "").getBytes(StandardCharsets.UTF_8));

        assertThat(update.milestone()).isEqualTo(Milestone.OUT_FOR_DELIVERY);
        assertThat(update.events()).hasSize(3).last().extracting(TrackingEvent::milestone).isEqualTo(Milestone.OUT_FOR_DELIVERY);
    }

    @Test
    void aBodyThatIsNoTrackerEventIsRefused() {
        assertThat(catchThrowableOfType(IllegalArgumentException.class,
                () -> mapper.toTrackingUpdate("{\"object\":\"Event\",\"result\":{\"object\":\"Shipment\"}}".getBytes(StandardCharsets.UTF_8))))
                .isNotNull();
        assertThat(catchThrowableOfType(IllegalArgumentException.class,
                () -> mapper.toTrackingUpdate("not json".getBytes(StandardCharsets.UTF_8)))).isNotNull();
    }

    @Test
    void findsOnlyAnEnabledWebhookToTheSameUrl() {
        URI ours = URI.create("https://tracking.example/callbacks/easypost?tenant=acme");

        assertThat(mapper.webhookFor(reply(200, "webhooks-list-with-ours.json"), ours)).contains("hook_ours");
        assertThat(mapper.webhookFor(reply(200, "webhooks-list-without-ours.json"), ours)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(value = {
            "422, error-422-field.json, INVALID_REQUEST, shipment.parcel.weight, must be greater than 0",
            "400, error-400-strings.json, INVALID_REQUEST, null, 'Unable to create shipment,, the to_address is invalid.'",
            "404, error-404.json, INVALID_REQUEST, null, The requested resource could not be found.",
            "401, error-401.json, AUTH_FAILED, null, This api key is no longer active. Please use a different api key or reactivate this key.",
            "402, error-402.json, AUTH_FAILED, null, Insufficient funds. Please add funds to your wallet.",
            "429, error-429.json, RATE_LIMITED, null, You have exceeded the rate limit. Please reduce the rate of requests.",
            "500, error-500.json, TRANSIENT, null, 'We''re sorry, something went wrong. If the problem persists please contact support.'",
            "503, error-503.html, UNAVAILABLE, null, null"}, nullValues = "null")
    void errorBodiesParseToTheirKindWithTheCarriersFieldAndWords(int status, String file, CarrierErrorKind kind,
            String field, String carrierMessage) {
        CarrierException error = mapper.toError(reply(status, file));

        assertThat(error.kind()).isEqualTo(kind);
        assertThat(error.carrierField().orElse(null)).isEqualTo(field);
        assertThat(error.carrierMessage().orElse(null)).isEqualTo(carrierMessage);
        assertThat(error.getMessage()).startsWith("EasyPost answered " + status);
    }

    @Test
    void aRateLimitCarriesItsRetryAfterInSecondsOrAsADate() {
        EasyPostReply seconds = new EasyPostReply(429, EasyPostResources.recorded("error-429.json", ""), "7");
        EasyPostReply date = new EasyPostReply(429, "", "Mon, 02 Mar 2026 09:00:30 GMT");

        assertThat(mapper.toError(seconds).retryAfter()).contains(Duration.ofSeconds(7));
        assertThat(mapper.toError(date).retryAfter()).contains(Duration.ofSeconds(30));
    }

    @Test
    void aFailureStatusOnASuccessPathThrowsTheSameError() {
        CarrierException error = catchThrowableOfType(CarrierException.class,
                () -> mapper.toRateResult(reply(422, "error-422-field.json")));

        assertThat(error.carrierField()).contains("shipment.parcel.weight");
    }

    @Test
    void anUnreadableSuccessIsTransient() {
        CarrierException error = catchThrowableOfType(CarrierException.class,
                () -> mapper.toShipment(new EasyPostReply(200, "<html>", null)));

        assertThat(error.kind()).isEqualTo(CarrierErrorKind.TRANSIENT);
    }

    @Test
    void transportFailuresAreUnavailableOrTransient() {
        assertThat(mapper.toError(new CompletionException(new ConnectException("refused"))).kind())
                .isEqualTo(CarrierErrorKind.UNAVAILABLE);
        assertThat(mapper.toError(new HttpConnectTimeoutException("connect")).kind()).isEqualTo(CarrierErrorKind.UNAVAILABLE);
        assertThat(mapper.toError(new HttpTimeoutException("request")).kind()).isEqualTo(CarrierErrorKind.TRANSIENT);
        assertThat(mapper.toError(new java.io.IOException("reset")).kind()).isEqualTo(CarrierErrorKind.TRANSIENT);
    }
}
