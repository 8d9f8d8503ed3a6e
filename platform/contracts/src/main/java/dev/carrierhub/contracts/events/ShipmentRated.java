package dev.carrierhub.contracts.events;

import dev.carrierhub.contracts.shipment.Shipment;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Payload of {@code shipment.rated}: the chosen quote, the ranked alternatives label-service may fall
 * back to, and the policy that made the choice.
 *
 * @param requestedAt when the shipment was requested (its {@code shipment.requested}), so the time from
 *                    request to label can be measured; absent in events written before it was added
 */
public record ShipmentRated(
        Shipment shipment,
        Quote chosen,
        List<Quote> alternatives,
        String policy,
        Instant ratedAt,
        Instant requestedAt) implements ShipmentEvent {
    public ShipmentRated {
        Objects.requireNonNull(shipment, "shipment");
        Objects.requireNonNull(chosen, "chosen");
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(ratedAt, "ratedAt");
        alternatives = alternatives == null ? List.of() : List.copyOf(alternatives);
    }

    /** A rated shipment whose request time is not known. */
    public ShipmentRated(Shipment shipment, Quote chosen, List<Quote> alternatives, String policy, Instant ratedAt) {
        this(shipment, chosen, alternatives, policy, ratedAt, null);
    }

    @Override
    public String shipmentId() {
        return shipment.shipmentId();
    }
}
