package dev.carrierhub.intake;

import dev.carrierhub.odoo.recordings.RecordedOdoo;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * The recorded Odoo 18 for tenant {@value #TENANT}, whose webhooks may go missing: the sweep and the
 * cancellation tests stub its picking list and picking states on top of the recorded reads, and onboarding
 * sets up its automation rules.
 */
public class SweepOdooTestResource implements QuarkusTestResourceLifecycleManager {
    public static final String TENANT = "sw";
    public static final String TOKEN = "test-webhook-token-sw";
    private RecordedOdoo odoo;

    @Override
    public Map<String, String> start() {
        odoo = new RecordedOdoo().start().replayReads("rpc/enrich-picking.json").replayReads("rpc/enrich-nonascii.json")
                .replayRuleSetup();
        String tenant = "carrierhub.tenants." + TENANT + ".";
        return Map.of(
                tenant + "webhook-token", TOKEN,
                tenant + "odoo.url", odoo.url().toString(),
                tenant + "odoo.database", "odootest",
                tenant + "odoo.api-key", "test-api-key",
                tenant + "odoo.timeout", "2s",
                "carrierhub.sweep.page-size", "50");
    }

    @Override
    public void inject(TestInjector testInjector) {
        testInjector.injectIntoFields(odoo, new TestInjector.Annotated(WriteBackOdooTestResource.InjectOdoo.class));
    }

    @Override
    public void stop() {
        if (odoo != null) {
            odoo.close();
        }
    }
}
