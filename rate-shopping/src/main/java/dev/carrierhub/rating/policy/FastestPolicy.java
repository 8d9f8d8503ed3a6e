package dev.carrierhub.rating.policy;

import dev.carrierhub.contracts.events.Quote;
import dev.carrierhub.contracts.shipment.Shipment;
import java.util.List;

/** Fewest transit days first (a quote without transit days comes last); equal days go to the cheaper one. */
public final class FastestPolicy implements RoutingPolicy {
    public static final String NAME = "fastest";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Ranking rank(Shipment shipment, List<Quote> quotes) {
        List<Quote> ranked = quotes.stream().sorted(QuoteOrder.fastest()).toList();
        return new Ranking(ranked, List.of(), ranked.isEmpty() ? "no quote to choose from"
                : "fewest transit days of " + CheapestPolicy.count(ranked) + ": " + Ranking.describe(ranked.get(0)));
    }
}
