package dev.carrierhub.billing.reconcile;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * What billing-reconciler knows about the shipment an invoice line matched: the label (booked price, quote,
 * service), the declaration to the carrier (weight) and a void, from label-service and rate-shopping.
 */
public record ShipmentFacts(
        String shipmentId,
        String tenant,
        long pickingId,
        String pickingName,
        String pickingOrigin,
        String serviceCode,
        BigDecimal bookedAmount,
        String bookedCurrency,
        BigDecimal quotedAmount,
        String quotedCurrency,
        Instant labeledAt,
        BigDecimal declaredWeightKg,
        Instant voidedAt) {
}
