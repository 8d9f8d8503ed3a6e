package dev.carrierhub.rating.policy;

import dev.carrierhub.contracts.events.Quote;
import java.util.Comparator;

/**
 * The orders policies rank by. Each ends with carrier and service code, which together identify a quote, so
 * the order is total; transit days are compared with "unknown" last. Prices are compared as amounts
 * without conversion: carriers quote in the shipment's currency (the declared value's).
 */
public final class QuoteOrder {
    private QuoteOrder() {
    }

    /** Lowest price, then fewest days, then carrier and service. */
    public static Comparator<Quote> cheapest() {
        return byPrice().thenComparing(byTransitDays()).thenComparing(byCarrierAndService());
    }

    /** Fewest days, then lowest price, then carrier and service. */
    public static Comparator<Quote> fastest() {
        return byTransitDays().thenComparing(byPrice()).thenComparing(byCarrierAndService());
    }

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
