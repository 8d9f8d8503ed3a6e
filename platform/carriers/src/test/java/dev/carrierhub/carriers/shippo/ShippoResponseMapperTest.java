package dev.carrierhub.carriers.shippo;

import static dev.carrierhub.carriers.shippo.ShippoResources.reply;
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
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ShippoResponseMapperTest {
    private final ShippoResponseMapper mapper = new ShippoResponseMapper(
            Clock.fixed(Instant.parse("2026-03-02T09:00:00Z"), ZoneOffset.UTC));

    @Test
    void aRatedShipmentGivesOneQuotePerRateByServiceLevelToken() {
        RateResult result = mapper.toRateResult(reply(201, "shipment-rated.json"));

        assertThat(result.quotes()).extracting(Quote::quoteId, Quote::carrier, Quote::serviceCode, Quote::serviceLevel,
                Quote::price, Quote::transitDays).containsExactly(
                tuple("ec9f0d3adc9441449c85d315f0997fd5", "shippo", "usps_priority", ServiceLevel.EXPRESS, Money.of("7.58", "USD"), 2),
                tuple("3f9a1d2b8c4e4f6a9b0c1d2e3f4a5b6c", "shippo", "usps_ground_advantage", ServiceLevel.STANDARD,
                        Money.of("5.48", "USD"), 3),
                tuple("7c2b9e8d1a3f4b5c8d6e0f1a2b3c4d5e", "shippo", "ups_ground", null, Money.of("11.20", "USD"), null),
                tuple("1a2b3c4d5e6f47a8b9c0d1e2f3a4b5c6", "shippo", "ups_next_day_air", ServiceLevel.OVERNIGHT,
                        Money.of("42.10", "USD"), 1));
        assertThat(result.messages()).containsExactly(new CarrierMessage("FedEx",
                "FedEx could not rate: the account is not active", CarrierMessage.Severity.WARNING));
    }

    @Test
    void choosesTheRateOfTheServiceCodeOrRefusesOne() {
        ShippoShipment rated = mapper.toShipment(reply(201, "shipment-rated.json"));

        assertThat(mapper.chooseRate(rated, "ups_ground").objectId()).isEqualTo("7c2b9e8d1a3f4b5c8d6e0f1a2b3c4d5e");
        CarrierException refused = catchThrowableOfType(CarrierException.class, () -> mapper.chooseRate(rated, "fedex_ground"));
        assertThat(refused.kind()).isEqualTo(CarrierErrorKind.INVALID_REQUEST);
        assertThat(refused.carrierField()).contains("service_code");
        assertThat(refused.getMessage()).contains("usps_priority");
    }

    @Test
    void aSuccessfulTransactionGivesTrackingNumberAndLabel() {
        ShippoTransaction bought = mapper.toPurchase(reply(201, "transaction-success.json"));

        assertThat(bought.objectId()).isEqualTo("915d94940ea54c3a80cbfa328722f5a1");
        assertThat(bought.trackingNumber()).isEqualTo("9205590164917312751089");
        assertThat(bought.labelUrl()).isEqualTo(URI.create("https://files.example/labels/txn_label.pdf"));
        assertThat(bought.labelFormat()).isEqualTo(Label.PDF);
        assertThat(bought.rateId()).isEqualTo("ec9f0d3adc9441449c85d315f0997fd5");
        assertThat(bought.price()).isNull();

        BookingResult booking = mapper.toBookingResult(bought, Money.of("7.58", "USD"), "P1", new byte[] {'%'});
        assertThat(booking.carrierShipmentId()).isEqualTo("915d94940ea54c3a80cbfa328722f5a1");
        assertThat(booking.price()).isEqualTo(Money.of("7.58", "USD"));
        assertThat(booking.labels()).containsExactly(new Label("P1", Label.PDF, new byte[] {'%'}));
    }

    @Test
    void aTransactionInErrorIsInvalidWithTheCarriersWords() {
        CarrierException error = catchThrowableOfType(CarrierException.class,
                () -> mapper.toPurchase(reply(201, "transaction-error.json")));

        assertThat(error.kind()).isEqualTo(CarrierErrorKind.INVALID_REQUEST);
        assertThat(error.carrierField()).contains("USPS");
        assertThat(error.carrierMessage()).contains("The recipient address could not be verified: street not found.");
    }

    @Test
    void aQueuedTransactionIsTransient() {
        CarrierException error = catchThrowableOfType(CarrierException.class,
                () -> mapper.toPurchase(reply(201, "transaction-queued.json")));

        assertThat(error.kind()).isEqualTo(CarrierErrorKind.TRANSIENT);
    }

    @Test
    void findsTheBoughtTransactionOfAKeyAndSkipsFailedOnes() {
        assertThat(mapper.toFoundTransaction(reply(200, "transactions-page.json"), "label:9d5ed678:1"))
                .map(ShippoTransaction::objectId).contains("915d94940ea54c3a80cbfa328722f5a1");
        assertThat(mapper.toFoundTransaction(reply(200, "transactions-page-without-key.json"), "label:9d5ed678:1")).isEmpty();
        assertThat(mapper.toFoundTransaction(reply(200, "transactions-page.json"), "label:unknown")).isEmpty();
    }

    @Test
    void aRefundedTransactionIsAlreadyVoidedAndFoundWithAWarning() {
        ShippoTransaction refunded = mapper.toTransaction(reply(200, "transaction-refunded.json"));

        assertThat(refunded.refundRequested()).isTrue();
        assertThat(mapper.alreadyVoided(refunded).alreadyVoided()).isTrue();
        assertThat(mapper.toBookingResult(refunded, Money.of("7.58", "USD"), null, new byte[] {1}).messages())
                .extracting(CarrierMessage::code).containsExactly("shipment_voided");
    }

    @Test
    void refundsBecomeVoidsOrFail() {
        VoidResult queued = mapper.toVoidResult("915d94940ea54c3a80cbfa328722f5a1", reply(201, "refund-queued.json"));
        assertThat(queued.carrierShipmentId()).isEqualTo("915d94940ea54c3a80cbfa328722f5a1");
        assertThat(queued.alreadyVoided()).isFalse();
        assertThat(queued.messages()).extracting(CarrierMessage::code).containsExactly("refund_queued");

        CarrierException error = catchThrowableOfType(CarrierException.class,
                () -> mapper.toVoidResult("915d94940ea54c3a80cbfa328722f5a1", reply(201, "refund-error.json")));
        assertThat(error.kind()).isEqualTo(CarrierErrorKind.INVALID_REQUEST);
    }

    @Test
    void aTrackGivesMilestonesRefinedBySubstatusOldestFirst() {
        TrackingResult result = mapper.toTrackingResult(reply(200, "track-delivered.json"));

        assertThat(result.trackingNumber()).isEqualTo("9205590164917312751089");
        assertThat(result.milestone()).isEqualTo(Milestone.DELIVERED);
        assertThat(result.events()).extracting(TrackingEvent::eventId, TrackingEvent::milestone, TrackingEvent::carrierStatus)
                .containsExactly(
                        tuple("a1c3e5a7b9d14f2a8c6e0a2c4e6a8c0e", Milestone.PRE_TRANSIT, "PRE_TRANSIT/information_received"),
                        tuple("b2d4f6b8d0e24a3b9d7f1b3d5f7b9d1f", Milestone.IN_TRANSIT, "TRANSIT/package_accepted"),
                        tuple("c3e5a7c9e1f34b4c0e8a2c4e6a8c0e2a", Milestone.OUT_FOR_DELIVERY, "TRANSIT/out_for_delivery"),
                        tuple("d4f6b8d0f2a44c5d1f9b3d5f7b9d1f3b", Milestone.DELIVERED, "DELIVERED/delivered"));
        TrackingEvent delivered = result.events().get(3);
        assertThat(delivered.occurredAt()).isEqualTo(Instant.parse("2026-03-05T17:02:00Z"));
        assertThat(delivered.location()).isEqualTo("Redondo Beach, CA, US");
        assertThat(delivered.description()).isEqualTo("Delivered, In/At Mailbox.");
        assertThat(delivered.proofOfDelivery().deliveredAt()).isEqualTo(delivered.occurredAt());
    }

    @Test
    void aTrackUpdatedWebhookGivesTheTracksStatus() {
        TrackingResult update = mapper.toTrackingUpdate(
                ShippoResources.recorded("webhook-track-updated.json", "").getBytes(StandardCharsets.UTF_8));

        assertThat(update.milestone()).isEqualTo(Milestone.OUT_FOR_DELIVERY);
        assertThat(update.events()).hasSize(3);
        assertThat(catchThrowableOfType(IllegalArgumentException.class, () -> mapper.toTrackingUpdate(
                "{\"event\":\"transaction_created\",\"data\":{}}".getBytes(StandardCharsets.UTF_8)))).isNotNull();
    }

    @Test
    void findsOnlyAnActiveTrackWebhookToTheUrl() {
        URI ours = URI.create("https://tracking.example/callbacks/shippo?tenant=acme");

        assertThat(mapper.webhookFor(reply(200, "webhooks-page.json"), ours)).isEmpty();
        assertThat(mapper.webhookFor(reply(200, "webhooks-page-with-ours.json"), ours)).contains("2f3e4d5c6b7a49899988776655443322");
    }

    @ParameterizedTest
    @CsvSource(value = {
            "400, error-400-parcel-weight.json, INVALID_REQUEST, parcels[0].weight, A valid number is required.",
            "400, error-400-address.json, INVALID_REQUEST, address_to, This field is required.",
            "400, error-400-all.json, INVALID_REQUEST, null, Rate ec9f0d3adc9441449c85d315f0997fd5 has expired; create a new shipment.",
            "404, error-404.json, INVALID_REQUEST, null, Not found.",
            "401, error-401.json, AUTH_FAILED, null, Invalid token.",
            "403, error-401.json, AUTH_FAILED, null, Invalid token.",
            "429, error-429.json, RATE_LIMITED, null, Request was throttled. Expected available in 42 seconds.",
            "500, error-500.html, TRANSIENT, null, null",
            "502, error-500.html, TRANSIENT, null, null",
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
        assertThat(mapper.toError(new ShippoReply(429, ShippoResources.recorded("error-429.json", ""), "42")).retryAfter())
                .contains(Duration.ofSeconds(42));
    }

    @Test
    void transportFailuresAreUnavailableOrTransient() {
        assertThat(mapper.toError(new ConnectException("refused")).kind()).isEqualTo(CarrierErrorKind.UNAVAILABLE);
        assertThat(mapper.toError(new HttpTimeoutException("slow")).kind()).isEqualTo(CarrierErrorKind.TRANSIENT);
    }
}
