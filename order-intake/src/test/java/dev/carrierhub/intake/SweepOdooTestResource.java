package dev.carrierhub.intake;

import dev.carrierhub.odoo.recordings.RecordedOdoo;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.HashMap;
import java.util.Map;

/**
 * The recorded Odoo 18 for tenant {@value #TENANT}, whose webhooks may go missing: the sweep and the
 * cancellation tests stub its picking list and picking states on top of the recorded reads, and onboarding
 * sets up its automation rules. A second tenant, {@value #OTHER_TENANT}, has an Odoo of its own with the
 * same recordings (the same picking ids), for the isolation tests.
 */
public class SweepOdooTestResource implements QuarkusTestResourceLifecycleManager {
    public static final String TENANT = "sw";
    public static final String TOKEN = "test-webhook-token-sw";
    public static final String OTHER_TENANT = "sw-other";
    public static final String OTHER_TOKEN = "test-webhook-token-sw-other";
    private RecordedOdoo odoo;
    private RecordedOdoo otherOdoo;

    @Override
    public Map<String, String> start() {
        odoo = new RecordedOdoo().start().replayReads("rpc/enrich-picking.json").replayReads("rpc/enrich-nonascii.json")
                .replayRuleSetup();
        otherOdoo = new RecordedOdoo().start().replayReads("rpc/enrich-picking.json");
        Map<String, String> config = new HashMap<>();
        tenant(config, TENANT, TOKEN, odoo);
        tenant(config, OTHER_TENANT, OTHER_TOKEN, otherOdoo);
        config.put("carrierhub.sweep.page-size", "50");
        return config;
    }

    private static void tenant(Map<String, String> config, String name, String token, RecordedOdoo odoo) {
        String tenant = "carrierhub.tenants." + name + ".";
        config.put(tenant + "webhook-token", token);
        config.put(tenant + "odoo.url", odoo.url().toString());
        config.put(tenant + "odoo.database", "odootest");
        config.put(tenant + "odoo.api-key", "test-api-key-" + name);
        config.put(tenant + "odoo.timeout", "2s");
    }

    @Override
    public void inject(TestInjector testInjector) {
        testInjector.injectIntoFields(odoo, new TestInjector.Annotated(WriteBackOdooTestResource.InjectOdoo.class));
        testInjector.injectIntoFields(otherOdoo, new TestInjector.Annotated(InjectOtherOdoo.class));
    }

    @Override
    public void stop() {
        if (odoo != null) {
            odoo.close();
        }
        if (otherOdoo != null) {
            otherOdoo.close();
        }
    }

    /** Marks the test field that receives {@value #OTHER_TENANT}'s Odoo. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.FIELD)
    public @interface InjectOtherOdoo {
    }
}
