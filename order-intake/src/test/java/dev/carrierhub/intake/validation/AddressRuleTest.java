package dev.carrierhub.intake.validation;

import static dev.carrierhub.intake.validation.Fixtures.address;
import static dev.carrierhub.intake.validation.Fixtures.codes;
import static org.assertj.core.api.Assertions.assertThat;

import dev.carrierhub.contracts.shipment.Address;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class AddressRuleTest {
    private final AddressRule rule = new AddressRule();

    @ParameterizedTest(name = "{0} {1} {2} is complete")
    @CsvSource(nullValues = "-", value = {
            "US, OR, 97205",
            "US, CA, 94134-1234",
            "US, US-OR, 97205",
            "US, PR, 00901",
            "CA, ON, K1A 0B1",
            "CA, QC, h2x1y4",
            "AU, NSW, 2000",
            "GB, -, SW1A 1AA",
            "GB, -, e161aa",
            "GB, -, GIR 0AA",
            "DE, -, 10115",
            "FR, -, 75008",
            "PL, -, 31-153",
            "NL, -, 1012 AB",
            "SE, -, 114 55",
            "KE, -, -",
            "IE, -, -"})
    void acceptsCompleteAddresses(String country, String state, String postalCode) {
        List<Violation> violations = new ArrayList<>();

        rule.check(address(country, state, postalCode), "shipTo", violations);

        assertThat(violations).isEmpty();
    }

    @ParameterizedTest(name = "{0} {1} {2} -> {3}")
    @CsvSource(nullValues = "-", value = {
            "US, -, 97205, address.state.missing",
            "US, ZZ, 97205, address.state.invalid",
            "US, OR, -, address.postal-code.missing",
            "US, OR, 9720, address.postal-code.invalid",
            "US, OR, 97205-12, address.postal-code.invalid",
            "CA, -, K1A 0B1, address.state.missing",
            "CA, ON, 12345, address.postal-code.invalid",
            "AU, -, 2000, address.state.missing",
            "GB, -, 12345, address.postal-code.invalid",
            "GB, -, -, address.postal-code.missing",
            "DE, -, 1011, address.postal-code.invalid",
            "DE, -, 10115X, address.postal-code.invalid",
            "FR, -, 7500, address.postal-code.invalid",
            "PL, -, 31153, address.postal-code.invalid",
            "PL, -, 31-15, address.postal-code.invalid",
            "XX, -, -, address.country.invalid"})
    void reportsWhatTheCountryFormatMisses(String country, String state, String postalCode, String code) {
        List<Violation> violations = new ArrayList<>();

        rule.check(address(country, state, postalCode), "shipTo", violations);

        assertThat(codes(violations)).containsExactly(code);
        assertThat(violations.get(0).isError()).isTrue();
        assertThat(violations.get(0).field()).startsWith("shipTo.");
    }

    @Test
    void reportsEveryMissingBasicAtOnce() {
        Address empty = new Address("", null, " ", null, "", null, null, "", null, null, false);
        List<Violation> violations = new ArrayList<>();

        rule.check(empty, "shipFrom", violations);

        assertThat(codes(violations)).containsExactly("address.name.missing", "address.street.missing",
                "address.city.missing", "address.country.missing");
        assertThat(violations).extracting(Violation::field)
                .containsExactly("shipFrom.name", "shipFrom.street1", "shipFrom.city", "shipFrom.countryCode");
        assertThat(violations.get(1).message()).contains("ship-from address");
    }

    @Test
    void unknownCountriesNeedOnlyStreetCityAndCountry() {
        List<Violation> violations = new ArrayList<>();

        rule.check(new Address("Wanjiru", null, "", null, "Nairobi", null, null, "KE", null, null, true), "shipTo",
                violations);

        assertThat(codes(violations)).containsExactly("address.street.missing");
    }

    @Test
    void tidiesCodesAndBlanks() {
        Address messy = new Address(" Dana ", " ", " 4417 Maple Ave ", "", "Portland", " 97205 ", "or", "us",
                " ", null, false);

        Address tidy = rule.check(messy, "shipTo", new ArrayList<>());

        assertThat(tidy.name()).isEqualTo("Dana");
        assertThat(tidy.company()).isNull();
        assertThat(tidy.street2()).isNull();
        assertThat(tidy.postalCode()).isEqualTo("97205");
        assertThat(tidy.stateCode()).isEqualTo("OR");
        assertThat(tidy.countryCode()).isEqualTo("US");
        assertThat(tidy.phone()).isNull();
    }

    @Test
    void theSentenceNamesThePersonTheValueAndAnExample() {
        List<Violation> violations = new ArrayList<>();

        rule.check(address("PL", null, "31153"), "shipTo", violations);

        assertThat(violations.get(0).message()).isEqualTo("The ship-to address of Test Person has postal code '31153', "
                + "which is not a valid PL postal code (like 31-153).");
    }
}
