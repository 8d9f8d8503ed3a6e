package dev.carrierhub.rating.rules;

import dev.carrierhub.contracts.shipment.Address;
import dev.carrierhub.contracts.shipment.Shipment;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Both ends of the shipment must be in a country the carrier serves: in {@code served} when that is given,
 * and never in {@code excluded}.
 */
public final class CountriesRule implements EligibilityRule {
    private final Set<String> served;
    private final Set<String> excluded;

    /** @param served the only countries served, or empty for every country */
    public CountriesRule(Set<String> served, Set<String> excluded) {
        this.served = codes(served);
        this.excluded = codes(excluded);
    }

    @Override
    public Optional<String> exclude(Shipment shipment) {
        return check("ship-from", shipment.shipFrom()).or(() -> check("ship-to", shipment.shipTo()));
    }

    private Optional<String> check(String end, Address address) {
        String country = address.countryCode().trim().toUpperCase(Locale.ROOT);
        if (excluded.contains(country)) {
            return Optional.of(end + " country " + country + " is excluded for the carrier");
        }
        if (!served.isEmpty() && !served.contains(country)) {
            return Optional.of(end + " country " + country + " is not served by the carrier (serves "
                    + String.join(", ", served) + ")");
        }
        return Optional.empty();
    }

    private static Set<String> codes(Set<String> countries) {
        return countries == null ? Set.of() : countries.stream().map(c -> c.trim().toUpperCase(Locale.ROOT))
                .filter(c -> !c.isEmpty()).collect(Collectors.toCollection(TreeSet::new));
    }
}
