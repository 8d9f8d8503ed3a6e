package dev.carrierhub.intake.validation;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a complete address looks like in one country: whether a state/province is required (and which
 * codes exist), and the postal-code pattern with an example for the person fixing it. Countries not in
 * the table need only street, city and country.
 */
public record CountryFormat(boolean stateRequired, Set<String> states, Pattern postalCode, String example) {
    private static final Set<String> US_STATES = Set.of("AL", "AK", "AZ", "AR", "CA", "CO", "CT", "DE", "DC", "FL",
            "GA", "HI", "ID", "IL", "IN", "IA", "KS", "KY", "LA", "ME", "MD", "MA", "MI", "MN", "MS", "MO", "MT",
            "NE", "NV", "NH", "NJ", "NM", "NY", "NC", "ND", "OH", "OK", "OR", "PA", "RI", "SC", "SD", "TN", "TX",
            "UT", "VT", "VA", "WA", "WV", "WI", "WY",
            // Territories and military post offices (APO/FPO) also take a state code in US addresses.
            "AS", "GU", "MP", "PR", "VI", "UM", "AA", "AE", "AP");
    private static final Set<String> CA_PROVINCES = Set.of("AB", "BC", "MB", "NB", "NL", "NS", "NT", "NU", "ON",
            "PE", "QC", "SK", "YT");
    private static final Set<String> AU_STATES = Set.of("ACT", "NSW", "NT", "QLD", "SA", "TAS", "VIC", "WA");
    private static final Set<String> ISO_COUNTRIES = Set.of(Locale.getISOCountries());

    private static final Map<String, CountryFormat> FORMATS = Map.ofEntries(
            Map.entry("US", new CountryFormat(true, US_STATES, "\\d{5}(-\\d{4})?", "97205 or 97205-1234")),
            Map.entry("CA", new CountryFormat(true, CA_PROVINCES,
                    "[ABCEGHJ-NPRSTVXY]\\d[ABCEGHJ-NPRSTV-Z] ?\\d[ABCEGHJ-NPRSTV-Z]\\d", "K1A 0B1")),
            Map.entry("AU", new CountryFormat(true, AU_STATES, "\\d{4}", "2000")),
            Map.entry("GB", new CountryFormat(false, Set.of(),
                    "([A-Z]{1,2}\\d[A-Z\\d]? ?\\d[A-Z]{2}|GIR ?0AA)", "SW1A 1AA")),
            Map.entry("DE", new CountryFormat(false, Set.of(), "\\d{5}", "10115")),
            Map.entry("FR", new CountryFormat(false, Set.of(), "\\d{5}", "75008")),
            Map.entry("IT", new CountryFormat(false, Set.of(), "\\d{5}", "00184")),
            Map.entry("ES", new CountryFormat(false, Set.of(), "\\d{5}", "28013")),
            Map.entry("PL", new CountryFormat(false, Set.of(), "\\d{2}-\\d{3}", "31-153")),
            Map.entry("NL", new CountryFormat(false, Set.of(), "\\d{4} ?[A-Z]{2}", "1012 AB")),
            Map.entry("BE", new CountryFormat(false, Set.of(), "\\d{4}", "1000")),
            Map.entry("AT", new CountryFormat(false, Set.of(), "\\d{4}", "1010")),
            Map.entry("CH", new CountryFormat(false, Set.of(), "\\d{4}", "8001")),
            Map.entry("DK", new CountryFormat(false, Set.of(), "\\d{4}", "1050")),
            Map.entry("SE", new CountryFormat(false, Set.of(), "\\d{3} ?\\d{2}", "114 55")));

    public CountryFormat(boolean stateRequired, Set<String> states, String postalCode, String example) {
        this(stateRequired, states, Pattern.compile(postalCode), example);
    }

    /** The format for an ISO 3166-1 alpha-2 code; empty for a country without specific rules. */
    public static Optional<CountryFormat> of(String countryCode) {
        return Optional.ofNullable(FORMATS.get(countryCode.toUpperCase(Locale.ROOT)));
    }

    public static boolean isIsoCountry(String countryCode) {
        return ISO_COUNTRIES.contains(countryCode.toUpperCase(Locale.ROOT));
    }

    public boolean postalCodeMatches(String postalCode) {
        return postalCode().matcher(postalCode.toUpperCase(Locale.ROOT)).matches();
    }
}
