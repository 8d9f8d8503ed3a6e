package dev.carrierhub.carriers.ups;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Guesses which request field a UPS error message blames. UPS errors carry a code and an English message
 * but no field, so this reads the message for a party (ship-to, ship-from, shipper) and an address part,
 * and answers the UPS field path, e.g. {@code Shipment.ShipTo.Address.PostalCode}. It answers nothing
 * rather than guess loosely: a caller shows the field to a person, next to UPS's own message.
 */
final class UpsErrorFields {
    private static final List<Rule> PARTIES = List.of(
            new Rule(Pattern.compile("\\bship\\s*to\\b", Pattern.CASE_INSENSITIVE), "Shipment.ShipTo"),
            new Rule(Pattern.compile("\\bship\\s*from\\b", Pattern.CASE_INSENSITIVE), "Shipment.ShipFrom"),
            new Rule(Pattern.compile("\\bshipper\\b", Pattern.CASE_INSENSITIVE), "Shipment.Shipper"));
    private static final List<Rule> ADDRESS_PARTS = List.of(
            new Rule(Pattern.compile("postal\\s*code|\\bzip\\b", Pattern.CASE_INSENSITIVE), "Address.PostalCode"),
            new Rule(Pattern.compile("state\\s*province|\\bstate\\b|\\bprovince\\b",
                    Pattern.CASE_INSENSITIVE), "Address.StateProvinceCode"),
            new Rule(Pattern.compile("\\bcity\\b", Pattern.CASE_INSENSITIVE), "Address.City"),
            new Rule(Pattern.compile("country\\s*code|\\bcountry\\b", Pattern.CASE_INSENSITIVE), "Address.CountryCode"),
            new Rule(Pattern.compile("\\bphone\\b", Pattern.CASE_INSENSITIVE), "Phone.Number"),
            new Rule(Pattern.compile("address\\s*line", Pattern.CASE_INSENSITIVE), "Address.AddressLine"),
            new Rule(Pattern.compile("\\baddress\\b", Pattern.CASE_INSENSITIVE), "Address"));
    private static final List<Rule> PACKAGE_PARTS = List.of(
            new Rule(Pattern.compile("\\bweight\\b", Pattern.CASE_INSENSITIVE), "Shipment.Package.PackageWeight.Weight"),
            new Rule(Pattern.compile("\\bdimensions?\\b|\\blength\\b", Pattern.CASE_INSENSITIVE), "Shipment.Package.Dimensions"),
            new Rule(Pattern.compile("\\bservice\\b", Pattern.CASE_INSENSITIVE), "Shipment.Service.Code"));

    private UpsErrorFields() {
    }

    static Optional<String> guess(String message) {
        if (message == null || message.isBlank()) {
            return Optional.empty();
        }
        Optional<String> party = first(PARTIES, message);
        if (party.isPresent()) {
            return first(ADDRESS_PARTS, message).map(part -> party.get() + "." + part).or(() -> party);
        }
        return first(PACKAGE_PARTS, message);
    }

    private static Optional<String> first(List<Rule> rules, String message) {
        return rules.stream().filter(rule -> rule.pattern().matcher(message).find()).map(Rule::field).findFirst();
    }

    private record Rule(Pattern pattern, String field) {
    }
}
