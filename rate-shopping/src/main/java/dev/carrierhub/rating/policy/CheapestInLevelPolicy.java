package dev.carrierhub.rating.policy;

import dev.carrierhub.contracts.events.Quote;
import dev.carrierhub.contracts.shipment.Shipment;
import dev.carrierhub.contracts.shipment.ServiceLevel;
import java.util.ArrayList;
import java.util.List;

/**
 * The cheapest quote at the requested service level or better: a quote qualifies when its level is at
 * least the shipment's ({@code ECONOMY < STANDARD < EXPRESS < OVERNIGHT}). A quote below it, or without a
 * level, is rejected with the reason; when none qualifies there is no choice.
 */
public final class CheapestInLevelPolicy implements RoutingPolicy {
    public static final String NAME = "cheapest-in-level";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Ranking rank(Shipment shipment, List<Quote> quotes) {
        ServiceLevel floor = shipment.serviceLevel();
        List<Quote> eligible = new ArrayList<>();
        List<Ranking.RejectedQuote> rejected = new ArrayList<>();
        for (Quote quote : quotes) {
            if (quote.serviceLevel() == null) {
                rejected.add(new Ranking.RejectedQuote(quote, "gives no service level, so " + floor
                        + " or better cannot be confirmed"));
            } else if (quote.serviceLevel().compareTo(floor) < 0) {
                rejected.add(new Ranking.RejectedQuote(quote, "service level " + quote.serviceLevel()
                        + " is below the requested " + floor));
            } else {
                eligible.add(quote);
            }
        }
        List<Quote> ranked = eligible.stream().sorted(QuoteOrder.cheapest()).toList();
        String below = rejected.isEmpty() ? "" : " (" + rejected.size() + " below it left out)";
        return new Ranking(ranked, rejected, ranked.isEmpty()
                ? "no quote at the requested " + floor + " or better" + below
                : "lowest price at " + floor + " or better of " + CheapestPolicy.count(ranked) + below + ": "
                        + Ranking.describe(ranked.get(0)));
    }
}
