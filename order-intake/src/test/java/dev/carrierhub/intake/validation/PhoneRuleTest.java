package dev.carrierhub.intake.validation;

import static dev.carrierhub.intake.validation.Fixtures.codes;
import static org.assertj.core.api.Assertions.assertThat;

import dev.carrierhub.contracts.shipment.Address;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PhoneRuleTest {
    private final PhoneRule rule = new PhoneRule();

    @ParameterizedTest(name = "{0} in {1} -> {2}")
    @CsvSource({
            "'+1 503-555-0199', US, +15035550199",
            "'(415) 555-0134', US, +14155550134",
            "'030 123456', DE, +4930123456",
            "'0171 1234567', DE, +491711234567",
            "'12 345 67 89', PL, +48123456789",
            "'020 7946 0958', GB, +442079460958",
            "'+49 30 123456', US, +4930123456"})
    void normalisesToE164WithTheAddressCountryAsDefaultRegion(String raw, String country, String e164) {
        List<Violation> violations = new ArrayList<>();

        Address checked = rule.check(withPhone(raw, country), "shipTo", true, violations);

        assertThat(checked.phone()).isEqualTo(e164);
        assertThat(violations).isEmpty();
    }

    @Test
    void anInvalidPhoneIsAWarningAndLeftOutWhenNotRequired() {
        List<Violation> violations = new ArrayList<>();

        Address checked = rule.check(withPhone("123", "US"), "shipTo", false, violations);

        assertThat(checked.phone()).isNull();
        assertThat(codes(violations)).containsExactly("phone.invalid");
        assertThat(violations.get(0).severity()).isEqualTo(Severity.WARNING);
        assertThat(violations.get(0).field()).isEqualTo("shipTo.phone");
    }

    @Test
    void anInvalidPhoneIsAnErrorWhenTheTenantRequiresOne() {
        List<Violation> violations = new ArrayList<>();

        rule.check(withPhone("not a number", "DE"), "shipFrom", true, violations);

        assertThat(codes(violations)).containsExactly("phone.invalid");
        assertThat(violations.get(0).isError()).isTrue();
        assertThat(violations.get(0).message()).contains("'not a number'", "ship-from address");
    }

    @Test
    void aMissingPhoneIsAnErrorOnlyWhenRequired() {
        List<Violation> required = new ArrayList<>();
        List<Violation> optional = new ArrayList<>();

        rule.check(withPhone(null, "PL"), "shipTo", true, required);
        rule.check(withPhone(" ", "PL"), "shipTo", false, optional);

        assertThat(codes(required)).containsExactly("phone.missing");
        assertThat(required.get(0).isError()).isTrue();
        assertThat(optional).isEmpty();
    }

    @Test
    void aNumberWithoutPrefixNeedsAKnownCountry() {
        assertThat(PhoneRule.toE164("030 123456", "")).isEmpty();
        assertThat(PhoneRule.toE164("+4930123456", "")).contains("+4930123456");
    }

    private static Address withPhone(String phone, String country) {
        return new Address("Test Person", null, "1 Main Street", null, "Somewhere", null, null, country, phone, null,
                true);
    }
}
