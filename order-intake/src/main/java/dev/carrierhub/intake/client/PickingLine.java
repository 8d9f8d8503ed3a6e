package dev.carrierhub.intake.client;

import java.math.BigDecimal;

/**
 * One product line of a picking (a {@code stock.move} and its product): what a customs declaration
 * needs. Weight is per unit in Odoo's weight unit; the price is the product's sales price per unit in
 * the company currency (Odoo's {@code list_price}).
 */
public record PickingLine(
        String sku,
        String description,
        String hsCode,
        String originCountry,
        BigDecimal quantity,
        BigDecimal unitWeight,
        BigDecimal unitPrice) {
}
