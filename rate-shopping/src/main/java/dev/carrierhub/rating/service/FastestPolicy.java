package dev.carrierhub.rating.service;

import dev.carrierhub.contracts.events.Quote;
import java.util.Comparator;

/** Fewest transit days first (a quote without transit days comes last); equal days go to the cheaper one. */
public final class FastestPolicy implements RoutingPolicy {
    public static final String NAME = "fastest";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Comparator<Quote> order() {
        return RoutingPolicy.byTransitDays()
                .thenComparing(RoutingPolicy.byPrice())
                .thenComparing(RoutingPolicy.byCarrierAndService());
    }
}
