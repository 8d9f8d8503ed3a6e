package dev.carrierhub.intake.client;

import java.math.BigDecimal;
import java.util.List;

/**
 * What order-intake read from Odoo about one delivery picking, before mapping it to a shipment. The
 * carrier and warehouse ids key the tenant's mapping tables; the lines feed the customs declaration.
 */
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
        String carrierName,
        Long carrierId,
        Long warehouseId,
        List<PickingLine> lines) {
    public PickingSnapshot {
        lines = lines == null ? List.of() : List.copyOf(lines);
    }
}
