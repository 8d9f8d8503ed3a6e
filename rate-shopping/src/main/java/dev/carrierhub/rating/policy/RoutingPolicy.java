package dev.carrierhub.rating.policy;

import dev.carrierhub.contracts.events.Quote;
import dev.carrierhub.contracts.shipment.Shipment;
import java.util.List;

/** Ranks the quotes of one shipment, best first, and says why the first one wins. */
public interface RoutingPolicy {

    /** The name configured in {@code carrierhub.rating.policy} and published in {@code shipment.rated}. */
    String name();

    /**
     * The eligible quotes, ranked by a total order (the same quotes always rank the same way, whatever order
     * they arrived in), the quotes this policy does not accept, and the reason for the choice.
     */
    Ranking rank(Shipment shipment, List<Quote> quotes);
}
