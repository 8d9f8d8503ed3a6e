package dev.carrierhub.contracts.events;

import dev.carrierhub.contracts.shipment.Money;
import dev.carrierhub.contracts.shipment.OdooPickingRef;
import java.time.Instant;
import java.util.Objects;

/** Payload of {@code billing.discrepancy}: one invoice line that does not match what was quoted and booked. */
public record BillingDiscrepancy(
        String shipmentId,
        OdooPickingRef picking,
        String carrier,
        String invoiceNumber,
        String trackingNumber,
        DiscrepancyKind kind,
        Money expected,
        Money billed,
        Money variance,
        String detail,
        Instant detectedAt) implements ShipmentEvent {
    public BillingDiscrepancy {
        Objects.requireNonNull(shipmentId, "shipmentId");
        Objects.requireNonNull(carrier, "carrier");
        Objects.requireNonNull(invoiceNumber, "invoiceNumber");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(billed, "billed");
        Objects.requireNonNull(detectedAt, "detectedAt");
    }
}
