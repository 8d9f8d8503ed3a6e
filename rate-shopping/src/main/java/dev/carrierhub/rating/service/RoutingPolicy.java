package dev.carrierhub.rating.service;

import dev.carrierhub.contracts.events.Quote;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/** Ranks the quotes of one shipment, best first; the first one is the carrier service to book. */
public interface RoutingPolicy {

    /** The name configured in {@code carrierhub.rating.policy} and published in {@code shipment.rated}. */
    String name();

    /** A total order: two different quotes never tie, so the same quotes always rank the same way. */
    Comparator<Quote> order();

    default List<Quote> rank(Collection<Quote> quotes) {
        return quotes.stream().sorted(order()).toList();
    }

    /**
     * The tie-breakers every policy ends with. Carrier and service code together identify a quote, which
     * makes the order total; transit days are compared with "unknown" last.
     */
    static Comparator<Quote> byPrice() {
        return Comparator.comparing(quote -> quote.price().amount());
    }

    static Comparator<Quote> byTransitDays() {
        return Comparator.comparing(Quote::transitDays, Comparator.nullsLast(Comparator.naturalOrder()));
    }

    static Comparator<Quote> byCarrierAndService() {
        return Comparator.comparing(Quote::carrier).thenComparing(Quote::serviceCode);
    }
}
