package dev.carrierhub.intake.validation;

import static dev.carrierhub.intake.validation.Fixtures.KRAKOW;
import static dev.carrierhub.intake.validation.Fixtures.PORTLAND;
import static dev.carrierhub.intake.validation.Fixtures.SAN_FRANCISCO;
import static dev.carrierhub.intake.validation.Fixtures.codes;
import static dev.carrierhub.intake.validation.Fixtures.parcel;
import static dev.carrierhub.intake.validation.Fixtures.shipment;
import static org.assertj.core.api.Assertions.assertThat;

import dev.carrierhub.contracts.shipment.Address;
import dev.carrierhub.contracts.shipment.Money;
import dev.carrierhub.contracts.shipment.Weight;
import dev.carrierhub.contracts.shipment.WeightUnit;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class ShipmentValidatorTest {
    private final ShipmentValidator validator = new ShipmentValidator();

    @Test
    void aGoodShipmentPassesWithItsPhonesInE164() {
        ValidationResult result = validator.validate(shipment(SAN_FRANCISCO, PORTLAND), ValidationPolicy.DEFAULT, null);

        assertThat(result.isValid()).isTrue();
        assertThat(result.violations()).isEmpty();
        assertThat(result.reasonCode()).isNull();
        assertThat(result.shipment().shipTo().phone()).isEqualTo("+15035550199");
        assertThat(result.shipment().shipFrom().phone()).isEqualTo("+14155550134");
    }

    @Test
    void reportsEveryFailureOfOneShipmentTogetherErrorsFirstInRuleOrder() {
        Address badZip = new Address("Dana Whitfield", null, "4417 Maple Ave", null, "Portland", "9720", "OR", "US",
                "12", null, false);
        ValidationPolicy policy = ValidationPolicy.DEFAULT.withMaxParcelWeight(new Weight(new BigDecimal("2"), WeightUnit.KG));

        ValidationResult result = validator.validate(
                shipment(SAN_FRANCISCO, badZip, List.of(parcel("4.970")), Money.of("-1", "USD"), List.of(), true, null),
                policy, null);

        assertThat(result.isValid()).isFalse();
        assertThat(codes(result.errors())).containsExactly("address.postal-code.invalid", "parcel.weight.exceeds-limit",
                "declared-value.negative", "hazardous.service-not-allowed");
        assertThat(codes(result.warnings())).containsExactly("phone.invalid");
        assertThat(result.reasonCode()).isEqualTo("address.postal-code.invalid");
        assertThat(result.message()).isEqualTo(String.join("\n",
                "Picking WH/OUT/00011 failed 4 validation rules:",
                "- [address.postal-code.invalid] shipTo.postalCode: The ship-to address of Dana Whitfield has postal code "
                        + "'9720', which is not a valid US postal code (like 97205 or 97205-1234).",
                "- [parcel.weight.exceeds-limit] parcels[0].weight: Parcel 1 (WH/OUT/00011) weighs 4.970 kg, more than "
                        + "the 2 kg allowed.",
                "- [declared-value.negative] declaredValue: The declared value is negative (USD -1).",
                "- [hazardous.service-not-allowed] hazardous: The shipment contains dangerous goods, but no carrier "
                        + "service is mapped for it."));
    }

    @Test
    void aRequiredPhoneMakesAMissingOneAnError() {
        ValidationResult result = validator.validate(shipment(SAN_FRANCISCO, KRAKOW),
                ValidationPolicy.DEFAULT.withPhoneRequired(true), null);

        assertThat(codes(result.errors())).containsExactly("phone.missing", "customs.lines.missing");
        assertThat(result.message()).startsWith("Picking WH/OUT/00011 failed 2 validation rules:\n- [phone.missing] shipTo.phone: ");
    }

    @Test
    void warningsAloneDoNotStopAShipment() {
        Address oddPhone = new Address("Dana Whitfield", null, "4417 Maple Ave", null, "Portland", "97205", "OR", "US",
                "call me", null, false);

        ValidationResult result = validator.validate(shipment(SAN_FRANCISCO, oddPhone), ValidationPolicy.DEFAULT, null);

        assertThat(result.isValid()).isTrue();
        assertThat(codes(result.warnings())).containsExactly("phone.invalid");
        assertThat(result.shipment().shipTo().phone()).isNull();
    }
}
