package dev.carrierhub.helm;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The alerts have runbooks, the dashboard ships to Grafana, and traces go where the values say. */
class ObservabilityAssetsTest {

    @Test
    void everyAlertHasARunbookSectionItsUrlPointsTo() throws IOException {
        String runbook = Files.readString(ChartTools.ROOT.resolve("docs/runbooks/alerts.md"));
        assertThat(Alerts.rules()).isNotEmpty().allSatisfy(rule -> {
            String alert = rule.path("alert").asText();
            assertThat(runbook).as("docs/runbooks/alerts.md").contains("\n## " + alert + "\n");
            assertThat(rule.path("annotations").path("runbook_url").asText())
                    .endsWith("alerts.md#" + alert.toLowerCase(Locale.ROOT));
            assertThat(rule.path("labels").path("severity").asText()).isIn("warning", "critical");
            assertThat(rule.path("annotations").path("summary").asText()).isNotBlank();
        });
    }

    @Test
    void theDashboardShipsInAConfigMapGrafanasSidecarPicksUp() throws IOException {
        JsonNode configMap = Rendered.of(ValuesVariant.ALL_FEATURES).ofKind("ConfigMap").stream()
                .filter(c -> c.path("data").has("carrier-hub.json")).findFirst().orElseThrow();
        assertThat(configMap.path("metadata").path("labels").path("grafana_dashboard").asText()).isEqualTo("1");
        assertThat(configMap.path("metadata").path("namespace").asText()).isEqualTo("monitoring");
        JsonNode shipped = Rendered.JSON.readTree(configMap.path("data").path("carrier-hub.json").asText());
        assertThat(shipped).isEqualTo(Rendered.JSON.readTree(ChartTools.CHART.resolve("files/dashboards/carrier-hub.json").toFile()));
        assertThat(shipped.path("panels").toString()).contains("Label success rate", "Picking ready to label",
                "Tracking update latency", "Exception age", "Billing variance", "HTTP latency", "Consumer lag",
                "Retries", "Dead letters", "Circuit breaker state");
    }

    @Test
    void tracesGoToTheConfiguredOtlpEndpointOrTracingIsOff() {
        Rendered on = Rendered.of(ValuesVariant.ALL_FEATURES);
        assertThat(on.ofKind("Deployment")).allSatisfy(d -> assertThat(properties(on, d))
                .contains("quarkus.otel.exporter.otlp.traces.endpoint=http://jaeger-collector.observability:4318"));
        Rendered off = Rendered.of(ValuesVariant.DEFAULTS);
        assertThat(off.ofKind("Deployment")).allSatisfy(d -> assertThat(properties(off, d))
                .contains("quarkus.otel.sdk.disabled=true").doesNotContain("otlp.traces.endpoint"));
    }

    @Test
    void theServiceMonitorScrapesQuarkusMetricsOfEveryService() {
        Rendered rendered = Rendered.of(ValuesVariant.ALL_FEATURES);
        JsonNode monitor = rendered.ofKind("ServiceMonitor").get(0);
        JsonNode endpoint = monitor.path("spec").path("endpoints").get(0);
        assertThat(endpoint.path("path").asText()).isEqualTo("/q/metrics");
        assertThat(endpoint.path("port").asText()).isEqualTo("http");
        assertThat(rendered.ofKind("Service")).allSatisfy(service -> assertThat(Rendered.selects(
                monitor.path("spec").path("selector").path("matchLabels"), service.path("metadata").path("labels"))).isTrue());
    }

    private static String properties(Rendered rendered, JsonNode deployment) {
        return rendered.find("ConfigMap", Rendered.name(deployment)).orElseThrow().path("data").path("application.properties").asText();
    }
}
