package dev.carrierhub.intake.validation;

import static dev.carrierhub.intake.validation.Fixtures.BERLIN;
import static dev.carrierhub.intake.validation.Fixtures.KRAKOW;
import static dev.carrierhub.intake.validation.Fixtures.LONDON;
import static dev.carrierhub.intake.validation.Fixtures.PORTLAND;
import static dev.carrierhub.intake.validation.Fixtures.SAN_FRANCISCO;
import static dev.carrierhub.intake.validation.Fixtures.codes;
import static dev.carrierhub.intake.validation.Fixtures.line;
import static dev.carrierhub.intake.validation.Fixtures.parcel;
import static dev.carrierhub.intake.validation.Fixtures.shipment;
import static org.assertj.core.api.Assertions.assertThat;

import dev.carrierhub.contracts.shipment.Address;
import dev.carrierhub.contracts.shipment.CustomsLine;
import dev.carrierhub.contracts.shipment.Money;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CustomsRuleTest {
    private static final CustomsLine TENT = line("Trail Tent 2P", "2", Money.of("498.00", "USD"), "6306.22", "VN");

    private final CustomsRule rule = new CustomsRule();

    @Test
    void aDomesticParcelNeedsNoCustomsLines() {
        assertThat(check(SAN_FRANCISCO, PORTLAND, List.of(), ValidationPolicy.DEFAULT)).isEmpty();
    }

    @Test
    void aParcelLeavingTheCountryNeedsCustomsLines() {
        List<Violation> violations = check(SAN_FRANCISCO, KRAKOW, List.of(), ValidationPolicy.DEFAULT);

        assertThat(codes(violations)).containsExactly("customs.lines.missing");
        assertThat(violations.get(0).message()).contains("from US to PL");
        assertThat(check(SAN_FRANCISCO, KRAKOW, List.of(TENT), ValidationPolicy.DEFAULT)).isEmpty();
    }

    @Test
    void withinTheEuCustomsUnionNoLinesAreNeededUnlessTheTenantSaysOtherwise() {
        assertThat(check(BERLIN, KRAKOW, List.of(), ValidationPolicy.DEFAULT)).isEmpty();
        assertThat(codes(check(BERLIN, KRAKOW, List.of(), ValidationPolicy.DEFAULT.withEuInternalCustomsExempt(false))))
                .containsExactly("customs.lines.missing");
    }

    @Test
    void greatBritainIsOutsideTheEuCustomsUnion() {
        assertThat(codes(check(LONDON, BERLIN, List.of(), ValidationPolicy.DEFAULT)))
                .containsExactly("customs.lines.missing");
    }

    @Test
    void eachLineNeedsADescriptionAPositiveQuantityAndAValidValue() {
        List<CustomsLine> lines = List.of(
                line("", "1", Money.of("10.00", "USD"), "8513.10", "CN"),
                line("Headlamp", "0", Money.of("10.00", "USD"), "8513.10", "CN"),
                line("Headlamp", "1", Money.of("-1.00", "USD"), "8513.10", "CN"),
                line("Headlamp", "1", Money.of("1.00", "XXX"), "8513.10", "CN"));

        List<Violation> violations = check(SAN_FRANCISCO, KRAKOW, lines, ValidationPolicy.DEFAULT);

        assertThat(codes(violations)).containsExactly("customs.line.description.missing",
                "customs.line.quantity.invalid", "customs.line.value.invalid", "customs.line.value.invalid");
        assertThat(violations).extracting(Violation::field).containsExactly("customsLines[0].description",
                "customsLines[1].quantity", "customsLines[2].value", "customsLines[3].value");
    }

    @Test
    void missingHsCodeAndOriginAreWarnings() {
        List<Violation> violations = check(SAN_FRANCISCO, KRAKOW,
                List.of(line("Trail Tent 2P", "2", Money.of("498.00", "USD"), null, " ")), ValidationPolicy.DEFAULT);

        assertThat(codes(violations)).containsExactly("customs.line.hs-code.missing", "customs.line.origin.missing");
        assertThat(violations).noneMatch(Violation::isError);
    }

    private List<Violation> check(Address from, Address to, List<CustomsLine> lines, ValidationPolicy policy) {
        List<Violation> violations = new ArrayList<>();
        rule.check(shipment(from, to, List.of(parcel("1")), null, lines, false, null), policy, violations);
        return violations;
    }
}
