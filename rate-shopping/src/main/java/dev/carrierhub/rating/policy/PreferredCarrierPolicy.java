package dev.carrierhub.rating.policy;

import dev.carrierhub.contracts.events.Quote;
import dev.carrierhub.contracts.shipment.Shipment;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Preferred carriers first, with a fallback: the quotes of the carriers preferred for this shipment come
 * first (most preferred carrier first, cheapest first within one carrier), then every other quote, cheapest
 * first. So when a preferred carrier did not quote (excluded, failed, late) the cheapest other one is chosen.
 *
 * <p>The preferred carriers are: the carrier chosen on the Odoo picking ({@code Shipment.preferredCarrier}),
 * if any, then those of the first configured rule that matches the shipment.
 */
public final class PreferredCarrierPolicy implements RoutingPolicy {
    public static final String NAME = "preferred";
    static final String FROM_ODOO = "the carrier chosen on the Odoo picking";

    private final List<CarrierPreference> preferences;

    public PreferredCarrierPolicy(List<CarrierPreference> preferences) {
        this.preferences = List.copyOf(preferences);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Ranking rank(Shipment shipment, List<Quote> quotes) {
        Map<String, String> preferred = preferredFor(shipment);
        List<String> order = new ArrayList<>(preferred.keySet());
        Comparator<Quote> byPreference = Comparator.comparingInt(quote -> {
            int index = order.indexOf(quote.carrier());
            return index < 0 ? order.size() : index;
        });
        List<Quote> ranked = quotes.stream().sorted(byPreference.thenComparing(QuoteOrder.cheapest())).toList();
        if (ranked.isEmpty()) {
            return new Ranking(ranked, List.of(), "no quote to choose from");
        }
        Quote first = ranked.get(0);
        String choice = Ranking.describe(first);
        if (preferred.containsKey(first.carrier())) {
            return new Ranking(ranked, List.of(), first.carrier() + " is preferred for "
                    + preferred.get(first.carrier()) + ": " + choice);
        }
        if (preferred.isEmpty()) {
            return new Ranking(ranked, List.of(), "no carrier is preferred for this shipment; lowest price of "
                    + CheapestPolicy.count(ranked) + ": " + choice);
        }
        return new Ranking(ranked, List.of(), "no quote from preferred " + preferred.entrySet().stream()
                .map(e -> e.getKey() + " (" + e.getValue() + ")").collect(Collectors.joining(", "))
                + "; fell back to the lowest price of " + CheapestPolicy.count(ranked) + ": " + choice);
    }

    /** Preferred carrier → why it is preferred, most preferred first. */
    Map<String, String> preferredFor(Shipment shipment) {
        Map<String, String> preferred = new LinkedHashMap<>();
        if (shipment.preferredCarrier() != null && !shipment.preferredCarrier().isBlank()) {
            preferred.put(shipment.preferredCarrier().trim(), FROM_ODOO);
        }
        preferences.stream().filter(rule -> rule.matches(shipment)).findFirst()
                .ifPresent(rule -> rule.carriers().forEach(carrier -> preferred.putIfAbsent(carrier, rule.why())));
        return preferred;
    }
}
