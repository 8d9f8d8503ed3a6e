package dev.carrierhub.intake;

import dev.carrierhub.odoo.recordings.RecordedOdoo;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/** A recorded Odoo 18 (reads and write-backs) for the tenant {@code acme}, with the webhook token the tests use. */
public class RecordedOdooTestResource implements QuarkusTestResourceLifecycleManager {
    public static final String TENANT = "acme";
    public static final String TOKEN = "test-webhook-token-acme";
    private RecordedOdoo odoo;

    @Override
    public Map<String, String> start() {
        odoo = new RecordedOdoo().start().replayReads("rpc/enrich-picking.json").replayReads("rpc/enrich-nonascii.json")
                .replayCalls("rpc/writeback.json").replayCalls("rpc/activity.json");
        return Map.of(
                "carrierhub.tenants." + TENANT + ".webhook-token", TOKEN,
                "carrierhub.tenants." + TENANT + ".odoo.url", odoo.url().toString(),
                "carrierhub.tenants." + TENANT + ".odoo.database", "odootest",
                "carrierhub.tenants." + TENANT + ".odoo.api-key", "test-api-key");
    }

    @Override
    public void stop() {
        if (odoo != null) {
            odoo.close();
        }
    }
}
