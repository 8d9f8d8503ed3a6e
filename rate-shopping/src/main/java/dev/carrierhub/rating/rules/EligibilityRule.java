package dev.carrierhub.rating.rules;

import dev.carrierhub.contracts.shipment.Shipment;
import java.util.Optional;

/** One thing a carrier cannot take: the reason a shipment is not sent to it, or empty when it may be. */
@FunctionalInterface
public interface EligibilityRule {
    Optional<String> exclude(Shipment shipment);
}
