package dev.carrierhub.contracts.events;

import dev.carrierhub.contracts.shipment.Shipment;
import java.time.Instant;
import java.util.Objects;

/** Payload of {@code shipment.requested}: a validated picking, mapped to the canonical shipment. */
public record ShipmentRequested(Shipment shipment, Instant requestedAt) implements ShipmentEvent {
    public ShipmentRequested {
        Objects.requireNonNull(shipment, "shipment");
        Objects.requireNonNull(requestedAt, "requestedAt");
    }

    @Override
    public String shipmentId() {
        return shipment.shipmentId();
    }
}
