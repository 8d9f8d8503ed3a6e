package dev.carrierhub.rating.rules;

import dev.carrierhub.contracts.shipment.Shipment;
import java.util.Optional;

/** The carrier takes no hazardous goods. */
public final class HazardousRule implements EligibilityRule {

    @Override
    public Optional<String> exclude(Shipment shipment) {
        return shipment.hazardous() ? Optional.of("the carrier takes no hazardous goods") : Optional.empty();
    }
}
