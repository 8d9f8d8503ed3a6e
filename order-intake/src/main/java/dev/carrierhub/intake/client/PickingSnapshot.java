package dev.carrierhub.intake.client;

import java.math.BigDecimal;

/** What order-intake read from Odoo about one delivery picking, before mapping it to a shipment. */
public record PickingSnapshot(
        long pickingId,
        String name,
        String origin,
        String state,
        BigDecimal shippingWeightKg,
        PartnerAddress shipTo,
        PartnerAddress shipFrom,
        String currency,
        BigDecimal declaredValue,
        String carrierName) {
}
