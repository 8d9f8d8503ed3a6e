package dev.carrierhub.intake;

import dev.carrierhub.odoo.recordings.RecordedOdoo;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.HashMap;
import java.util.Map;

/**
 * Tenants that differ only in how their webhooks are let in. Their Odoo knows no record (every read is
 * empty), so stored pickings wait in the queue and none becomes a shipment: these tests are about the
 * door, and publish nothing that other test classes could count. The names ({@value #PREFIX}*) are
 * used by no other test class, as the database is shared by all of them.
 */
public class WebhookTenantsTestResource implements QuarkusTestResourceLifecycleManager {
    public static final String PREFIX = "door-";
    /** Sends stock.picking and sale.order. */
    public static final String BOTH_MODELS = "door-both";
    /** Sends stock.picking only (the default). */
    public static final String PICKINGS_ONLY = "door-pickings";
    /** Only from 10.0.0.0/8 and 2001:db8::/32, so never from the test. */
    public static final String FENCED = "door-fenced";
    /** Only from loopback, where the test runs. */
    public static final String LOOPBACK_ONLY = "door-loopback";
    /** Requires X-Carrierhub-Signature under {@link #HMAC_SECRET}. */
    public static final String SIGNED = "door-signed";
    /** A burst of 3, refilled every 2 s. */
    public static final String THROTTLED = "door-throttled";
    public static final String HMAC_SECRET = "test-hmac-secret";
    /** The webhook limit in these tests, below the server's hard stop of 256K. */
    public static final int MAX_BODY_BYTES = 64 * 1024;

    private RecordedOdoo odoo;

    public static String token(String tenant) {
        return "test-token-" + tenant;
    }

    @Override
    public Map<String, String> start() {
        odoo = new RecordedOdoo().start();
        Map<String, String> config = new HashMap<>();
        for (String tenant : new String[] {BOTH_MODELS, PICKINGS_ONLY, FENCED, LOOPBACK_ONLY, SIGNED, THROTTLED}) {
            String prefix = "carrierhub.tenants." + tenant + ".";
            config.put(prefix + "webhook-token", token(tenant));
            config.put(prefix + "odoo.url", odoo.url().toString());
            config.put(prefix + "odoo.database", "odootest");
            config.put(prefix + "odoo.api-key", "test-api-key");
        }
        config.put("carrierhub.tenants." + BOTH_MODELS + ".models", "stock.picking,sale.order");
        config.put("carrierhub.tenants." + FENCED + ".allowed-sources", "10.0.0.0/8,2001:db8::/32");
        config.put("carrierhub.tenants." + LOOPBACK_ONLY + ".allowed-sources", "127.0.0.0/8,::1");
        config.put("carrierhub.tenants." + SIGNED + ".hmac-secret", HMAC_SECRET);
        config.put("carrierhub.tenants." + THROTTLED + ".rate-limit.per-second", "0.5");
        config.put("carrierhub.tenants." + THROTTLED + ".rate-limit.burst", "3");
        config.put("carrierhub.webhook.max-body-size", Integer.toString(MAX_BODY_BYTES));
        return config;
    }

    @Override
    public void stop() {
        if (odoo != null) {
            odoo.close();
        }
    }
}
