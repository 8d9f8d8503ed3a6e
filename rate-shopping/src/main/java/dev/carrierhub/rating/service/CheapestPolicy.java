package dev.carrierhub.rating.service;

import dev.carrierhub.contracts.events.Quote;
import java.util.Comparator;

/**
 * Lowest price first; equal prices go to the faster service, then by carrier name. Prices are compared
 * as amounts: carriers quote in the shipment's currency (the declared value's), so no conversion is made.
 */
public final class CheapestPolicy implements RoutingPolicy {
    public static final String NAME = "cheapest";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Comparator<Quote> order() {
        return RoutingPolicy.byPrice()
                .thenComparing(RoutingPolicy.byTransitDays())
                .thenComparing(RoutingPolicy.byCarrierAndService());
    }
}
