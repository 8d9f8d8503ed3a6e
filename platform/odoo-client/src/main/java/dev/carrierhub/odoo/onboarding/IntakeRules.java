package dev.carrierhub.odoo.onboarding;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The automation rules order-intake needs in a tenant's Odoo: outgoing pickings set to Ready (the
 * shipment), set to Cancelled (void the label) and, optionally, set to Done (for tenants that ship on
 * validation). Each posts to the tenant's webhook with its secret token in the URL, since Odoo's
 * webhooks can carry no header or signature.
 */
public final class IntakeRules {
    public static final String PICKING = "stock.picking";
    public static final String READY = "Carrier Hub: delivery ready";
    public static final String CANCELLED = "Carrier Hub: delivery cancelled";
    public static final String DONE = "Carrier Hub: delivery done";

    /** What the intake reads from a ready picking's webhook (it reads the picking again before it acts). */
    static final List<String> SHIPMENT_FIELDS = List.of("id", "name", "origin", "state", "partner_id", "carrier_id",
            "picking_type_id", "picking_type_code", "scheduled_date", "weight", "shipping_weight", "sale_id",
            "company_id", "location_id", "location_dest_id", "move_ids", "package_level_ids", "carrier_tracking_ref",
            "carrier_price", "note", "priority");
    /** A cancellation needs only to say which picking, and that it is cancelled. */
    static final List<String> CANCEL_FIELDS = List.of("id", "name", "state", "picking_type_code", "carrier_id",
            "carrier_tracking_ref");

    private IntakeRules() {
    }

    /**
     * @param intakeUrl the order-intake base URL as Odoo reaches it, e.g. {@code https://hub.example.com}
     * @param tenant    the tenant's name in Carrier Hub
     * @param token     the tenant's webhook token
     * @param onDone    also send a webhook when a picking is validated
     */
    public static List<WebhookRule> forTenant(URI intakeUrl, String tenant, String token, boolean onDone) {
        String base = intakeUrl.toString().replaceAll("/+$", "");
        String url = base + "/webhooks/odoo/" + URLEncoder.encode(tenant, StandardCharsets.UTF_8) + "?token="
                + URLEncoder.encode(token, StandardCharsets.UTF_8);
        List<WebhookRule> rules = new ArrayList<>();
        rules.add(new WebhookRule(READY, PICKING, "assigned", SHIPMENT_FIELDS, url));
        rules.add(new WebhookRule(CANCELLED, PICKING, "cancel", CANCEL_FIELDS, url));
        if (onDone) {
            rules.add(new WebhookRule(DONE, PICKING, "done", SHIPMENT_FIELDS, url));
        }
        return rules;
    }
}
