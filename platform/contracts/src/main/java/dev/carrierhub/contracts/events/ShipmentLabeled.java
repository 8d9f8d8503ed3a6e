package dev.carrierhub.contracts.events;

import dev.carrierhub.contracts.shipment.Money;
import dev.carrierhub.contracts.shipment.OdooPickingRef;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/** Payload of {@code shipment.labeled}: the booking a carrier confirmed, with its price and labels. */
public record ShipmentLabeled(
        String shipmentId,
        OdooPickingRef picking,
        String carrier,
        String serviceCode,
        String carrierShipmentId,
        String trackingNumber,
        Money price,
        Money quotedPrice,
        List<LabelRef> labels,
        Instant labeledAt) implements ShipmentEvent {
    public ShipmentLabeled {
        Objects.requireNonNull(shipmentId, "shipmentId");
        Objects.requireNonNull(picking, "picking");
        Objects.requireNonNull(carrier, "carrier");
        Objects.requireNonNull(trackingNumber, "trackingNumber");
        Objects.requireNonNull(price, "price");
        Objects.requireNonNull(labeledAt, "labeledAt");
        labels = labels == null ? List.of() : List.copyOf(labels);
    }
}
