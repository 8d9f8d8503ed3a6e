package dev.carrierhub.intake.webhook;

import java.util.Set;

/** The Odoo models whose webhooks order-intake understands; a tenant opts into each one. */
public final class OdooModels {
    /** A delivery order: becomes a shipment. */
    public static final String STOCK_PICKING = "stock.picking";
    /** A confirmed sale order: stored and acknowledged; the picking webhook that follows carries the delivery. */
    public static final String SALE_ORDER = "sale.order";
    public static final Set<String> HANDLED = Set.of(STOCK_PICKING, SALE_ORDER);

    private OdooModels() {
    }
}
