package dev.carrierhub.intake;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;

import dev.carrierhub.odoo.recordings.OdooRecording;
import dev.carrierhub.odoo.recordings.RecordedOdoo;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

/**
 * The recorded Odoo 18 answering reads and write-backs for tenant {@value #TENANT}, which also serves the
 * recorded label PDF under {@code /labels/} (label-service's part), with activity owners, SLAs and a fast
 * retry pace. The database is this test class's own, so its write-backs are the only ones there.
 */
public class WriteBackOdooTestResource implements QuarkusTestResourceLifecycleManager {
    public static final String TENANT = "wb";
    public static final String TOKEN = "test-webhook-token-wb";
    public static final long WAREHOUSE_USER = 7;
    public static final long CUSTOMER_SERVICE_USER = 8;
    public static final long FINANCE_USER = 9;
    /** The small valid PDF of the recorded ir.attachment create. */
    public static final byte[] LABEL_PDF = Base64.getDecoder().decode(OdooRecording.load("rpc/writeback.json")
            .exchanges().stream().filter(e -> "ir.attachment".equals(e.model()) && "create".equals(e.method()))
            .findFirst().orElseThrow().positionalArgs().get(0).get("datas").asText());

    private RecordedOdoo odoo;

    @Override
    public Map<String, String> start() {
        odoo = new RecordedOdoo().start().replayReads("rpc/enrich-picking.json")
                .replayCalls("rpc/writeback.json").replayCalls("rpc/activity.json");
        odoo.server().stubFor(get(urlPathMatching("/labels/.*")).willReturn(aResponse()
                .withHeader("Content-Type", "application/pdf").withBody(LABEL_PDF)));
        Map<String, String> config = new HashMap<>();
        String tenant = "carrierhub.tenants." + TENANT + ".";
        config.put(tenant + "webhook-token", TOKEN);
        config.put(tenant + "odoo.url", odoo.url().toString());
        config.put(tenant + "odoo.database", "odootest");
        config.put(tenant + "odoo.api-key", "test-api-key");
        config.put(tenant + "odoo.timeout", "2s");
        String owners = "carrierhub.writeback.tenants." + TENANT + ".owners.";
        config.put(owners + "warehouse", Long.toString(WAREHOUSE_USER));
        config.put(owners + "customer-service", Long.toString(CUSTOMER_SERVICE_USER));
        config.put(owners + "finance", Long.toString(FINANCE_USER));
        config.put("carrierhub.writeback.sla.warehouse", "48h");
        config.put("carrierhub.writeback.sla.customer-service", "4h");
        config.put("carrierhub.writeback.sla.finance", "120h");
        config.put("carrierhub.writeback.labels.allowed-url-prefixes", odoo.url() + "/labels/");
        // Odoo outages in these tests last seconds: retry and re-close the circuit at that pace.
        config.put("carrierhub.writeback.retry.initial-backoff", "100ms");
        config.put("carrierhub.writeback.retry.max-backoff", "500ms");
        config.put("carrierhub.odoo.retry.initial-backoff", "20ms");
        config.put("carrierhub.odoo.retry.max-backoff", "100ms");
        config.put("carrierhub.odoo.circuit.open-delay", "500ms");
        return config;
    }

    /** Hands the running Odoo to the test's {@link InjectOdoo} field. */
    @Override
    public void inject(TestInjector testInjector) {
        testInjector.injectIntoFields(odoo, new TestInjector.Annotated(InjectOdoo.class));
    }

    @Override
    public void stop() {
        if (odoo != null) {
            odoo.close();
        }
    }

    /** Marks the test field that receives the {@link RecordedOdoo}. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.FIELD)
    public @interface InjectOdoo {
    }
}
