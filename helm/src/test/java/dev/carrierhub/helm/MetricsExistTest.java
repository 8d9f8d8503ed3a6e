package dev.carrierhub.helm;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Every metric the dashboard or an alert names is one some service really exports. */
class MetricsExistTest {
    /** Prometheus' own series for every scraped target. */
    private static final Set<String> PROMETHEUS_OWN = Set.of("up");

    @Test
    void everyDashboardPanelReadsExportedMetrics() throws IOException {
        Map<String, Set<String>> used = new TreeMap<>();
        JsonNode dashboard = Rendered.JSON.readTree(ChartTools.CHART.resolve("files/dashboards/carrier-hub.json").toFile());
        for (JsonNode panel : dashboard.path("panels")) {
            for (JsonNode target : panel.path("targets")) {
                used.put(panel.path("title").asText() + " / " + target.path("refId").asText(),
                        PromQl.metricNames(target.path("expr").asText()));
            }
        }
        assertThat(used).hasSizeGreaterThan(15);
        assertExported(used);
    }

    @Test
    void everyAlertReadsExportedMetrics() {
        Map<String, Set<String>> used = new TreeMap<>();
        for (JsonNode rule : Alerts.rules()) {
            used.put(rule.path("alert").asText(), PromQl.metricNames(rule.path("expr").asText()));
        }
        assertThat(used).hasSizeGreaterThanOrEqualTo(10);
        assertExported(used);
    }

    @Test
    void theScanReadsEveryRegistrationInTheCode() {
        ExportedMetrics.Scan scan = ExportedMetrics.scan(ChartTools.ROOT);
        assertThat(scan.unresolved()).isEmpty();
        // One of each kind, so a scan that silently stopped finding them would fail here.
        assertThat(scan.prometheusNames()).contains("carrierhub_label_bookings_total",
                "carrierhub_rating_overhead_seconds_bucket", "carrierhub_carrier_breaker_state",
                "carrierhub_carrier_calls_seconds_count", "carrierhub_carrier_rate_limit_rejections_total",
                "carrierhub_deadletters_pending", "carrierhub_billing_variance_amount_sum",
                "carrierhub_billing_discrepancies_total");
        assertThat(scan.prometheusNames()).doesNotContain("carrierhub_label_requested_to_labeled_seconds_bucket");
    }

    private static void assertExported(Map<String, Set<String>> used) {
        Set<String> exported = new HashSet<>(ExportedMetrics.scan(ChartTools.ROOT).prometheusNames());
        exported.addAll(frameworkMetrics());
        exported.addAll(PROMETHEUS_OWN);
        used.forEach((where, names) -> {
            assertThat(names).as(where + " reads a metric").isNotEmpty();
            assertThat(exported).as(where).containsAll(names);
        });
    }

    static Set<String> frameworkMetrics() {
        try (InputStream in = MetricsExistTest.class.getResourceAsStream("/framework-metrics.txt")) {
            Set<String> names = new HashSet<>();
            new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().map(String::strip)
                    .filter(l -> !l.isEmpty() && !l.startsWith("#")).forEach(names::add);
            return names;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
