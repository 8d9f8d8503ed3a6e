package dev.carrierhub.rating.rules;

import dev.carrierhub.contracts.shipment.Shipment;
import java.util.Optional;

/** The carrier does not deliver to PO boxes; the ship-to street lines are checked with {@link PoBoxDetector}. */
public final class PoBoxRule implements EligibilityRule {

    @Override
    public Optional<String> exclude(Shipment shipment) {
        return PoBoxDetector.find(shipment.shipTo().street1())
                .or(() -> PoBoxDetector.find(shipment.shipTo().street2()))
                // The matched words only: the message travels to Odoo and logs, a full address must not.
                .map(found -> "the ship-to address is a PO box (\"" + found
                        + "\") and the carrier does not deliver to PO boxes");
    }
}
