package dev.carrierhub.carriers.ups;

import static dev.carrierhub.carriers.ups.UpsFixtures.reply;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.carrierhub.carriers.BookingResult;
import dev.carrierhub.carriers.CarrierErrorKind;
import dev.carrierhub.carriers.CarrierException;
import dev.carrierhub.carriers.CarrierMessage;
import dev.carrierhub.carriers.CarrierMessage.Severity;
import dev.carrierhub.carriers.Label;
import dev.carrierhub.contracts.shipment.Money;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A Ship API answer → the booking, one label per package. */
class UpsShipResponseTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-26T12:00:00Z"), ZoneOffset.UTC);
    private final UpsResponseMapper pdf = new UpsResponseMapper(UpsLabelFormat.PDF, CLOCK);
    private final UpsResponseMapper gif = new UpsResponseMapper(UpsLabelFormat.GIF, CLOCK);

    @Test
    void everyPackageGivesOneLabelMatchedToItsParcel() {
        BookingResult booking = gif.toBookingResult(reply(200, "ship-200.json"), List.of("P1", "P2"));

        assertThat(booking.carrierShipmentId()).isEqualTo("1ZA1B2C30390000017");
        assertThat(booking.trackingNumber()).isEqualTo("1ZA1B2C30390000017");
        assertThat(booking.price()).isEqualTo(Money.of("21.43", "USD"));
        assertThat(booking.labels()).extracting(Label::parcelReference, Label::format)
                .containsExactly(tuple("P1", "GIF"), tuple("P2", "GIF"));
        assertThat(booking.labels().get(0).content()).isEqualTo(Base64.getDecoder()
                .decode("R0lGODlhDAAIAPAAAAAAAP///ywAAAAADAAIAEACEERieLmtmmKTj1UHKL2cxwIAOw=="));
    }

    @Test
    void eachPackagesTrackingNumberAlertsAndTheDisclaimerTravelAsMessages() {
        BookingResult booking = gif.toBookingResult(reply(200, "ship-200.json"), List.of("P1", "P2"));

        assertThat(booking.messages()).extracting(CarrierMessage::code, CarrierMessage::text, CarrierMessage::severity)
                .containsExactly(
                        tuple("120900", "Negotiated rates are not available for this user and shipper number",
                                Severity.WARNING),
                        tuple("01", "Duties and taxes may apply and are not included in the total.", Severity.INFO),
                        tuple("package_tracking_number", "P1: 1ZA1B2C30390000017", Severity.INFO),
                        tuple("package_tracking_number", "P2: 1ZA1B2C30390000026", Severity.INFO));
    }

    @Test
    void pdfAccountsGetTheImageOnA4By6InchPage() {
        BookingResult booking = pdf.toBookingResult(reply(200, "ship-200.json"), List.of("P1", "P2"));

        assertThat(booking.labels()).hasSize(2).allSatisfy(label -> {
            assertThat(label.format()).isEqualTo(Label.PDF);
            assertThat(new String(label.content(), 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        });
    }

    @Test
    void aLonePackageSentAsAnObjectGivesOneZplLabelAndTheNegotiatedPriceWithTaxes() {
        UpsResponseMapper zpl = new UpsResponseMapper(UpsLabelFormat.ZPL, CLOCK);

        BookingResult booking = zpl.toBookingResult(reply(200, "ship-200-zpl.json"), List.of("P1"));

        assertThat(booking.carrierShipmentId()).isEqualTo("1ZA1B2C36590000031");
        assertThat(booking.price()).isEqualTo(Money.of("29.27", "EUR"));
        assertThat(booking.labels()).singleElement().satisfies(label -> {
            assertThat(label.parcelReference()).isEqualTo("P1");
            assertThat(label.format()).isEqualTo(Label.ZPL);
            assertThat(new String(label.content(), StandardCharsets.US_ASCII)).startsWith("^XA").endsWith("^XZ");
        });
        assertThat(booking.messages()).isEmpty();
    }

    @Test
    void morePackagesThanParcelsIsReportedAndStillLabelled() {
        BookingResult booking = gif.toBookingResult(reply(200, "ship-200.json"), List.of("P1"));

        assertThat(booking.labels()).extracting(Label::parcelReference).containsExactly("P1", "1ZA1B2C30390000026");
        assertThat(booking.messages()).extracting(CarrierMessage::code).contains("package_count_mismatch");
    }

    @Test
    void aBookingErrorIsInvalidRequestWithEveryMessageAndTheBlamedField() {
        assertThatThrownBy(() -> gif.toBookingResult(reply(400, "error-400-two.json"), List.of("P1")))
                .isInstanceOfSatisfying(CarrierException.class, e -> {
                    assertThat(e.kind()).isEqualTo(CarrierErrorKind.INVALID_REQUEST);
                    assertThat(e.getMessage()).isEqualTo("UPS answered 400 120202: Missing or invalid ship to "
                            + "StateProvinceCode; 120100: Missing or invalid shipper number");
                    assertThat(e.carrierMessage()).contains(
                            "Missing or invalid ship to StateProvinceCode; Missing or invalid shipper number");
                    assertThat(e.carrierField()).contains("Shipment.ShipTo.Address.StateProvinceCode");
                });
    }
}
