package dev.carrierhub.carriers.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.carrierhub.carriers.BookingResult;
import dev.carrierhub.carriers.CarrierErrorKind;
import dev.carrierhub.carriers.CarrierException;
import dev.carrierhub.carriers.CarrierMessage;
import dev.carrierhub.carriers.CarrierMessage.Severity;
import dev.carrierhub.carriers.RateResult;
import dev.carrierhub.carriers.TrackingEvent;
import dev.carrierhub.carriers.TrackingResult;
import dev.carrierhub.carriers.VoidResult;
import dev.carrierhub.contracts.events.Milestone;
import dev.carrierhub.contracts.events.Quote;
import dev.carrierhub.contracts.shipment.Money;
import dev.carrierhub.contracts.shipment.ServiceLevel;
import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SandboxResponseMapperTest {
    private static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");

    private final SandboxResponseMapper mapper = new SandboxResponseMapper(Clock.fixed(NOW, ZoneOffset.UTC));

    private static SandboxReply recorded(int status, String name) {
        return new SandboxReply(status, Resources.text("recorded/" + name), null);
    }

    @Test
    void recordedRatesParseToQuotes() {
        RateResult result = mapper.toRateResult(recorded(200, "rates-200.json"));

        assertThat(result.quotes()).containsExactly(
                new Quote("rate_a85348939a5a4e6bbd66aa51fb25c309", "sandbox", "SBX_ECONOMY", ServiceLevel.ECONOMY,
                        Money.of("16.75", "USD"), 5),
                new Quote("rate_c79737cdf3fa4ffa99e51d86f8128fb1", "sandbox", "SBX_STANDARD", ServiceLevel.STANDARD,
                        Money.of("19.68", "USD"), 3),
                new Quote("rate_419f966706804f2aa0e5d813e88afadd", "sandbox", "SBX_EXPRESS", ServiceLevel.EXPRESS,
                        Money.of("30.69", "USD"), 1));
        assertThat(result.messages()).isEmpty();
    }

    @Test
    void recordedWarningsTravelAsMessages() {
        RateResult result = mapper.toRateResult(recorded(200, "rates-200-with-messages.json"));

        assertThat(result.quotes()).extracting(Quote::serviceCode).containsExactly("SBX_ECONOMY", "SBX_STANDARD");
        assertThat(result.messages()).containsExactly(
                new CarrierMessage("customs_declaration_missing",
                        "the shipment crosses a border but carries no customs lines", Severity.WARNING),
                new CarrierMessage("hazardous_ground_only",
                        "hazardous goods travel by ground only; express is not offered", Severity.INFO));
    }

    @Test
    void recordedBookingParsesWithItsPdfLabel() {
        BookingResult booking = mapper.toBookingResult(recorded(201, "shipment-201.json"));

        assertThat(booking.carrierShipmentId()).isEqualTo("shp_9992ddef53d148ef98671bac3d6765ff");
        assertThat(booking.trackingNumber()).isEqualTo("SBX679453101337");
        assertThat(booking.price()).isEqualTo(Money.of("9.90", "EUR"));
        assertThat(booking.messages()).isEmpty();
        assertThat(booking.labels()).singleElement().satisfies(label -> {
            assertThat(label.parcelReference()).isEqualTo("P1");
            assertThat(label.format()).isEqualTo("PDF");
            assertThat(new String(label.content(), 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        });
    }

    @Test
    void aFoundBookingThatWasVoidedSaysSo() {
        String voided = Resources.text("recorded/shipment-201.json").replace("\"booked\"", "\"voided\"");

        BookingResult booking = mapper.toFoundBooking(new SandboxReply(200, voided, null)).orElseThrow();

        assertThat(booking.messages()).extracting(CarrierMessage::code).containsExactly("shipment_voided");
    }

    @Test
    void aMissingBookingIsEmptyNotAnError() {
        assertThat(mapper.toFoundBooking(recorded(404, "find-404.json"))).isEmpty();
    }

    @Test
    void recordedVoidParses() {
        VoidResult result = mapper.toVoidResult("shp_9992ddef53d148ef98671bac3d6765ff", recorded(200, "void-200.json"));

        assertThat(result).isEqualTo(new VoidResult("shp_9992ddef53d148ef98671bac3d6765ff", false, List.of()));
    }

    @Test
    void aRepeatedVoidSucceedsWithAMessage() {
        VoidResult result = mapper.toVoidResult("shp_9992ddef53d148ef98671bac3d6765ff", recorded(409, "void-409.json"));

        assertThat(result.alreadyVoided()).isTrue();
        assertThat(result.messages()).singleElement().extracting(CarrierMessage::code).isEqualTo("already_voided");
    }

    @Test
    void recordedTrackingParsesOldestFirst() {
        TrackingResult result = mapper.toTrackingResult(recorded(200, "tracking-200.json"));

        assertThat(result.trackingNumber()).isEqualTo("SBX679453101337");
        assertThat(result.milestone()).isEqualTo(Milestone.IN_TRANSIT);
        assertThat(result.events()).extracting(TrackingEvent::milestone)
                .containsExactly(Milestone.PRE_TRANSIT, Milestone.IN_TRANSIT);
        assertThat(result.events().get(1).occurredAt()).isEqualTo(Instant.parse("2026-11-26T20:25:56.588Z"));
        assertThat(result.events().get(1).location()).isEqualTo("Berlin, DE");
    }

    @Test
    void recordedDeliveredCallbackCarriesProofOfDelivery() {
        TrackingEvent event = mapper.toTrackingEvent(Resources.bytes("recorded/callback-delivered.json"));

        assertThat(event.eventId()).isEqualTo("03510c7c-cc81-4278-b0ce-25075cfa6eda");
        assertThat(event.trackingNumber()).isEqualTo("SBX106973998435");
        assertThat(event.milestone()).isEqualTo(Milestone.DELIVERED);
        assertThat(event.carrierStatus()).isEqualTo("delivered");
        assertThat(event.proofOfDelivery().signedBy()).isEqualTo("MÜLLER");
        assertThat(event.proofOfDelivery().location()).isEqualTo("Munich, DE");
        assertThat(event.proofOfDelivery().deliveredAt()).isEqualTo(Instant.parse("2026-11-26T20:26:08.345Z"));
    }

    @Test
    void anInTransitCallbackHasNoProofOfDelivery() {
        TrackingEvent event = mapper.toTrackingEvent(Resources.bytes("recorded/callback-in-transit.json"));

        assertThat(event.milestone()).isEqualTo(Milestone.IN_TRANSIT);
        assertThat(event.proofOfDelivery()).isNull();
    }

    @Test
    void anUnreadableCallbackIsRefused() {
        assertThatThrownBy(() -> mapper.toTrackingEvent("not json".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aValidationErrorNamesTheFieldAndTheCarriersMessage() {
        CarrierException error = mapper.toError(recorded(422, "shipment-422.json"));

        assertThat(error.kind()).isEqualTo(CarrierErrorKind.INVALID_REQUEST);
        assertThat(error.carrierField()).contains("parcels[0].weight.value");
        assertThat(error.carrierMessage()).contains("a parcel must weigh more than 0 and at most 70 kg");
        assertThat(error.retryAfter()).isEmpty();
    }

    @Test
    void aRateLimitCarriesRetryAfter() {
        CarrierException error = mapper.toError(new SandboxReply(429, Resources.text("recorded/error-429.json"), "7"));

        assertThat(error.kind()).isEqualTo(CarrierErrorKind.RATE_LIMITED);
        assertThat(error.retryAfter()).contains(Duration.ofSeconds(7));
    }

    @Test
    void aRetryAfterDateIsMeasuredFromTheClock() {
        CarrierException error = mapper.toError(new SandboxReply(503, "", "Thu, 26 Nov 2026 12:00:30 GMT"));

        assertThat(error.retryAfter()).contains(Duration.ofSeconds(30));
    }

    @ParameterizedTest
    @CsvSource({
            "401, error-401.json, AUTH_FAILED",
            "503, error-503.json, UNAVAILABLE",
            "500, error-500.json, TRANSIENT",
            "404, find-404.json, INVALID_REQUEST",
    })
    void recordedErrorsMapToTheirKind(int status, String file, CarrierErrorKind kind) {
        assertThat(mapper.toError(recorded(status, file)).kind()).isEqualTo(kind);
    }

    @ParameterizedTest
    @CsvSource({
            "400, INVALID_REQUEST", "403, AUTH_FAILED", "408, TRANSIENT", "413, INVALID_REQUEST",
            "502, TRANSIENT", "504, TRANSIENT", "302, TRANSIENT",
    })
    void statusesWithoutABodyMapByStatusAlone(int status, CarrierErrorKind kind) {
        assertThat(mapper.toError(new SandboxReply(status, "<html>Bad Gateway</html>", null)).kind()).isEqualTo(kind);
    }

    @Test
    void aFailedAnswerThrowsFromTheResultMappers() {
        CarrierException error = catchThrowableOfType(CarrierException.class,
                () -> mapper.toBookingResult(recorded(422, "shipment-422.json")));

        assertThat(error.kind()).isEqualTo(CarrierErrorKind.INVALID_REQUEST);
    }

    @Test
    void aGarbledSuccessIsTransientSoTheSameKeyIsRetried() {
        CarrierException error = catchThrowableOfType(CarrierException.class,
                () -> mapper.toBookingResult(new SandboxReply(201, "{\"id\":", null)));

        assertThat(error.kind()).isEqualTo(CarrierErrorKind.TRANSIENT);
    }

    @Test
    void transportFailuresMapToTransientOrUnavailable() {
        assertThat(mapper.toError(new CompletionException(new HttpTimeoutException("request timed out"))).kind())
                .isEqualTo(CarrierErrorKind.TRANSIENT);
        assertThat(mapper.toError(new CompletionException(new IOException("connection reset"))).kind())
                .isEqualTo(CarrierErrorKind.TRANSIENT);
        assertThat(mapper.toError(new CompletionException(new ConnectException("refused"))).kind())
                .isEqualTo(CarrierErrorKind.UNAVAILABLE);
        assertThat(mapper.toError(new HttpConnectTimeoutException("connect timed out")).kind())
                .isEqualTo(CarrierErrorKind.UNAVAILABLE);
    }
}
