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

    private static String text(URI uri) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString())
                .body();
    }

    private static int status(URI uri) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }

}
