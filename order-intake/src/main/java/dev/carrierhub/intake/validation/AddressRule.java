package dev.carrierhub.intake.validation;

import static dev.carrierhub.intake.validation.ReasonCodes.ADDRESS_CITY_MISSING;
import static dev.carrierhub.intake.validation.ReasonCodes.ADDRESS_COUNTRY_INVALID;
import static dev.carrierhub.intake.validation.ReasonCodes.ADDRESS_COUNTRY_MISSING;
import static dev.carrierhub.intake.validation.ReasonCodes.ADDRESS_NAME_MISSING;
import static dev.carrierhub.intake.validation.ReasonCodes.ADDRESS_POSTAL_CODE_INVALID;
import static dev.carrierhub.intake.validation.ReasonCodes.ADDRESS_POSTAL_CODE_MISSING;
import static dev.carrierhub.intake.validation.ReasonCodes.ADDRESS_STATE_INVALID;
import static dev.carrierhub.intake.validation.ReasonCodes.ADDRESS_STATE_MISSING;
import static dev.carrierhub.intake.validation.ReasonCodes.ADDRESS_STREET_MISSING;

import dev.carrierhub.contracts.shipment.Address;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Address completeness per country format: name, street, city and a real country always; state and
 * postal code where the country's format ({@link CountryFormat}) requires them. Tidies what it can
 * (trims, upper-cases codes) and reports the rest.
 */
public final class AddressRule {

    /** Checks one address; {@code role} is {@code shipTo} or {@code shipFrom}, used in field paths and sentences. */
    public Address check(Address address, String role, List<Violation> violations) {
        String who = describe(role);
        Address tidy = tidy(address);
        if (tidy.name().isEmpty()) {
            violations.add(Violation.error(ADDRESS_NAME_MISSING, role + ".name", "The " + who + " has no name."));
        }
        if (tidy.street1().isEmpty()) {
            violations.add(Violation.error(ADDRESS_STREET_MISSING, role + ".street1",
                    "The " + who + " of " + label(tidy) + " has no street."));
        }
        if (tidy.city().isEmpty()) {
            violations.add(Violation.error(ADDRESS_CITY_MISSING, role + ".city",
                    "The " + who + " of " + label(tidy) + " has no city."));
        }
        if (tidy.countryCode().isEmpty()) {
            violations.add(Violation.error(ADDRESS_COUNTRY_MISSING, role + ".countryCode",
                    "The " + who + " of " + label(tidy) + " has no country."));
            return tidy;
        }
        if (!CountryFormat.isIsoCountry(tidy.countryCode())) {
            violations.add(Violation.error(ADDRESS_COUNTRY_INVALID, role + ".countryCode",
                    "The " + who + " of " + label(tidy) + " has country '" + tidy.countryCode()
                            + "', which is not an ISO 3166 country code."));
            return tidy;
        }
        Optional<CountryFormat> format = CountryFormat.of(tidy.countryCode());
        format.ifPresent(f -> checkFormat(tidy, f, role, who, violations));
        return tidy;
    }

    private static void checkFormat(Address a, CountryFormat format, String role, String who,
            List<Violation> violations) {
        String country = a.countryCode();
        if (format.stateRequired()) {
            if (a.stateCode() == null) {
                violations.add(Violation.error(ADDRESS_STATE_MISSING, role + ".stateCode",
                        "The " + who + " of " + label(a) + " needs a state or province in " + country + "."));
            } else if (!format.states().contains(subdivision(a.stateCode(), country))) {
                violations.add(Violation.error(ADDRESS_STATE_INVALID, role + ".stateCode",
                        "The " + who + " of " + label(a) + " has state '" + a.stateCode() + "', which does not exist in "
                                + country + "."));
            }
        }
        if (a.postalCode() == null) {
            violations.add(Violation.error(ADDRESS_POSTAL_CODE_MISSING, role + ".postalCode",
                    "The " + who + " of " + label(a) + " needs a postal code in " + country + " (like "
                            + format.example() + ")."));
        } else if (!format.postalCodeMatches(a.postalCode())) {
            violations.add(Violation.error(ADDRESS_POSTAL_CODE_INVALID, role + ".postalCode",
                    "The " + who + " of " + label(a) + " has postal code '" + a.postalCode() + "', which is not a valid "
                            + country + " postal code (like " + format.example() + ")."));
        }
    }

    /** Odoo gives {@code OR}; the full ISO 3166-2 form {@code US-OR} is just as good. */
    private static String subdivision(String stateCode, String country) {
        return stateCode.startsWith(country + "-") ? stateCode.substring(country.length() + 1) : stateCode;
    }

    private static Address tidy(Address a) {
        return new Address(a.name().strip(), blankToNull(a.company()), a.street1().strip(), blankToNull(a.street2()),
                a.city().strip(), upper(a.postalCode()), upper(a.stateCode()), a.countryCode().strip()
                .toUpperCase(Locale.ROOT), blankToNull(a.phone()), blankToNull(a.email()), a.residential());
    }

    private static String upper(String value) {
        String v = blankToNull(value);
        return v == null ? null : v.toUpperCase(Locale.ROOT);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static String label(Address a) {
        return a.name().isEmpty() ? "(no name)" : a.name();
    }

    static String describe(String role) {
        return "shipFrom".equals(role) ? "ship-from address" : "ship-to address";
    }
}
