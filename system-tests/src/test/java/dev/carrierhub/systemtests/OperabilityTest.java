package dev.carrierhub.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.carrierhub.launcher.ProjectLayout;
import dev.carrierhub.launcher.ServiceProcess;
import dev.carrierhub.launcher.SuiteClient;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What Kubernetes, Prometheus and API users rely on, for every service as it really runs: probes that
 * include the database, Kafka and the outbox relay, Prometheus metrics, an OpenAPI document, Swagger UI,
 * and a generated Kubernetes manifest.
 */
@org.junit.jupiter.api.Order(2)
class OperabilityTest {

    @ParameterizedTest
    @ValueSource(strings = {"order-intake", "rate-shopping", "label-service", "tracking-service", "billing-reconciler"})
    void everyServiceIsProbedMeasuredAndDescribed(String service) throws Exception {
        ServiceProcess process = SharedSuite.get().service(service);
        SuiteClient client = new SuiteClient();

        JsonNode ready = client.getJson(process.baseUri().resolve("/q/health/ready")).orElseThrow();
        assertThat(ready.path("status").asText()).isEqualTo("UP");
        assertThat(ready.path("checks").findValuesAsText("name")).contains("outbox-relay",
                "Reactive PostgreSQL connections health check", "SmallRye Reactive Messaging - readiness check");
        assertThat(client.getJson(process.baseUri().resolve("/q/health/live")).orElseThrow().path("status").asText())
                .isEqualTo("UP");

        assertThat(text(process.baseUri().resolve("/q/metrics"))).contains("jvm_memory_used_bytes", "http_server");
        assertThat(text(process.baseUri().resolve("/q/openapi"))).contains("openapi:");
        assertThat(status(process.baseUri().resolve("/q/swagger-ui/"))).isEqualTo(200);

        Path manifest = ProjectLayout.locate().root().resolve(service).resolve("target/kubernetes/kubernetes.yml");
        assertThat(manifest).exists();
        assertThat(Files.readString(manifest)).contains("kind: Deployment", "/q/health/ready", "/q/health/live",
                "app.kubernetes.io/name: " + service);
    }

    /**
     * The series of Quarkus, Micrometer and the Kafka client that the chart's dashboard and alerts read
     * (helm/src/test/resources/framework-metrics.txt): each is really exported by at least one service once
     * the walking skeleton has sent its traffic through.
     */
    @org.junit.jupiter.api.Test
    void theFrameworkMetricsTheDashboardReadsAreExported() throws Exception {
        StringBuilder scraped = new StringBuilder();
        for (String service : java.util.List.of("order-intake", "rate-shopping", "label-service", "tracking-service",
                "billing-reconciler")) {
            scraped.append(text(SharedSuite.get().service(service).baseUri().resolve("/q/metrics")));
        }
        Path list = ProjectLayout.locate().root().resolve("helm/src/test/resources/framework-metrics.txt");
        java.util.List<String> names = Files.readAllLines(list).stream().map(String::strip)
                .filter(line -> !line.isEmpty() && !line.startsWith("#")).toList();
        assertThat(names).isNotEmpty();
        for (String name : names) {
            assertThat(scraped.toString()).as(name).containsPattern("(?m)^" + name + "[{ ]");
        }
    }

    private static String text(URI uri) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString())
                .body();
    }

    private static int status(URI uri) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }

}
