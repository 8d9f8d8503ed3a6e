package dev.carrierhub.intake.validation;

import static dev.carrierhub.intake.validation.ReasonCodes.PHONE_INVALID;
import static dev.carrierhub.intake.validation.ReasonCodes.PHONE_MISSING;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import dev.carrierhub.contracts.shipment.Address;
import java.util.List;
import java.util.Optional;

/**
 * Parses an address's phone with libphonenumber, the address country being the default region for
 * numbers written without a country prefix, and writes it back in E.164. Carriers need a phone only for
 * some services, so a missing or invalid phone is an error only when the tenant requires one; otherwise
 * an invalid number is dropped (a carrier would refuse it) and reported as a warning.
 */
public final class PhoneRule {
    private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();

    public Address check(Address address, String role, boolean required, List<Violation> violations) {
        String who = AddressRule.describe(role);
        String field = role + ".phone";
        if (address.phone() == null || address.phone().isBlank()) {
            if (required) {
                violations.add(Violation.error(PHONE_MISSING, field,
                        "The " + who + " of " + address.name() + " has no phone number, which this shipper requires."));
            }
            return withPhone(address, null);
        }
        Optional<String> e164 = toE164(address.phone(), address.countryCode());
        if (e164.isPresent()) {
            return withPhone(address, e164.get());
        }
        String sentence = "The phone number '" + address.phone() + "' of the " + who + " of " + address.name()
                + " is not a valid number";
        if (required) {
            violations.add(Violation.error(PHONE_INVALID, field, sentence + "."));
            return address;
        }
        violations.add(Violation.warning(PHONE_INVALID, field, sentence + "; it is left out of the shipment."));
        return withPhone(address, null);
    }

    /** The number in E.164 ({@code +15035550199}), or empty if it does not parse or is not a valid number. */
    public static Optional<String> toE164(String raw, String defaultRegion) {
        String region = defaultRegion == null || defaultRegion.isBlank() ? "ZZ" : defaultRegion.toUpperCase();
        try {
            PhoneNumber number = PHONES.parse(raw, region);
            return PHONES.isValidNumber(number) ? Optional.of(PHONES.format(number, PhoneNumberFormat.E164))
                    : Optional.empty();
        } catch (NumberParseException e) {
            return Optional.empty();
        }
    }

    private static Address withPhone(Address a, String phone) {
        return new Address(a.name(), a.company(), a.street1(), a.street2(), a.city(), a.postalCode(), a.stateCode(),
                a.countryCode(), phone, a.email(), a.residential());
    }
}
