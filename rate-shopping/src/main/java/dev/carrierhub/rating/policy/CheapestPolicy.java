package dev.carrierhub.rating.policy;

import dev.carrierhub.contracts.events.Quote;
import dev.carrierhub.contracts.shipment.Shipment;
import java.util.List;

/** Lowest price first; equal prices go to the faster service, then by carrier name. */
public final class CheapestPolicy implements RoutingPolicy {
    public static final String NAME = "cheapest";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Ranking rank(Shipment shipment, List<Quote> quotes) {
        List<Quote> ranked = quotes.stream().sorted(QuoteOrder.cheapest()).toList();
        return new Ranking(ranked, List.of(), ranked.isEmpty() ? "no quote to choose from"
                : "lowest price of " + count(ranked) + ": " + Ranking.describe(ranked.get(0)));
    }

    static String count(List<Quote> quotes) {
        long carriers = quotes.stream().map(Quote::carrier).distinct().count();
        return quotes.size() + (quotes.size() == 1 ? " quote" : " quotes") + " from " + carriers
                + (carriers == 1 ? " carrier" : " carriers");
    }
}
