package dev.carrierhub.carriers.ups;

import static dev.carrierhub.carriers.ups.UpsFixtures.reply;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.carrierhub.carriers.CarrierErrorKind;
import dev.carrierhub.carriers.CarrierException;
import dev.carrierhub.carriers.CarrierMessage;
import dev.carrierhub.carriers.CarrierMessage.Severity;
import dev.carrierhub.carriers.RateResult;
import dev.carrierhub.contracts.events.Quote;
import dev.carrierhub.contracts.shipment.Money;
import dev.carrierhub.contracts.shipment.ServiceLevel;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** A Rating API answer (recorded by us in UPS's shape) → quotes and messages. */
class UpsRateResponseTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-26T12:00:00Z"), ZoneOffset.UTC);
    private final UpsResponseMapper pdf = new UpsResponseMapper(UpsLabelFormat.PDF, CLOCK);

    @Test
    void shopAnswerGivesOneQuotePerServiceWithNegotiatedPricesAndTransitDays() {
        RateResult result = pdf.toRateResult(reply(200, "rate-shop-200.json"));

        assertThat(result.quotes()).extracting(Quote::carrier, Quote::serviceCode, Quote::serviceLevel, Quote::price,
                        Quote::transitDays)
                .containsExactly(
                        tuple("ups", "03", ServiceLevel.ECONOMY, Money.of("17.12", "USD"), 3),
                        tuple("ups", "02", ServiceLevel.EXPRESS, Money.of("48.75", "USD"), 2),
                        tuple("ups", "01", ServiceLevel.OVERNIGHT, Money.of("96.10", "USD"), 1),
                        tuple("ups", "17", null, Money.of("19.05", "USD"), null));
    }

    @Test
    void alertsBecomeMessagesOnceEachAndTheInvoiceMayVaryAlertIsInformational() {
        RateResult result = pdf.toRateResult(reply(200, "rate-shop-200.json"));

        assertThat(result.messages()).extracting(CarrierMessage::code, CarrierMessage::severity).containsExactly(
                tuple("110971", Severity.INFO), tuple("110920", Severity.WARNING));
    }

    @Test
    void aSingleRatedShipmentSentAsAnObjectIsRead() {
        RateResult result = pdf.toRateResult(reply(200, "rate-200.json"));

        assertThat(result.quotes()).singleElement().satisfies(quote -> {
            assertThat(quote.serviceCode()).isEqualTo("11");
            assertThat(quote.serviceLevel()).isEqualTo(ServiceLevel.ECONOMY);
            assertThat(quote.price()).isEqualTo(Money.of("27.10", "USD"));
            assertThat(quote.transitDays()).isNull();
        });
        assertThat(result.messages()).extracting(CarrierMessage::code).containsExactly("110971", "120900");
    }

    @Test
    void anErrorBodyGivesItsKindCodeAndMessage() {
        assertThatThrownBy(() -> pdf.toRateResult(reply(400, "error-400-postal-code.json")))
                .isInstanceOfSatisfying(CarrierException.class, e -> {
                    assertThat(e.kind()).isEqualTo(CarrierErrorKind.INVALID_REQUEST);
                    assertThat(e.getMessage()).isEqualTo(
                            "UPS answered 400 111285: The postal code 99999 is invalid for GA United States.");
                    assertThat(e.carrierMessage()).contains("The postal code 99999 is invalid for GA United States.");
                    assertThat(e.carrierField()).isEmpty();
                });
    }

    @Test
    void aSuccessThatIsNotARateResponseIsTransient() {
        assertThatThrownBy(() -> pdf.toRateResult(new UpsReply(200, "<html>maintenance</html>", null)))
                .isInstanceOfSatisfying(CarrierException.class,
                        e -> assertThat(e.kind()).isEqualTo(CarrierErrorKind.TRANSIENT));
        assertThatThrownBy(() -> pdf.toRateResult(new UpsReply(200, "{\"other\":{}}", null)))
                .isInstanceOfSatisfying(CarrierException.class,
                        e -> assertThat(e.kind()).isEqualTo(CarrierErrorKind.TRANSIENT));
    }
}
