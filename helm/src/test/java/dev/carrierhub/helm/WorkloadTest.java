package dev.carrierhub.helm;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** What a platform team relies on in each Deployment: selectors that match, probes, and a restricted pod. */
class WorkloadTest {

    @ParameterizedTest
    @EnumSource(ValuesVariant.class)
    void selectorsOfEveryObjectMatchThePodsOfTheirService(ValuesVariant variant) {
        Rendered rendered = Rendered.of(variant);
        for (JsonNode deployment : rendered.ofKind("Deployment")) {
            JsonNode podLabels = deployment.path("spec").path("template").path("metadata").path("labels");
            String name = Rendered.name(deployment);
            assertThat(Rendered.selects(deployment.path("spec").path("selector").path("matchLabels"), podLabels))
                    .as(name + " selects its pods").isTrue();
            assertThat(rendered.find("Service", name)).as("Service " + name).hasValueSatisfying(service ->
                    assertThat(Rendered.selects(service.path("spec").path("selector"), podLabels)).isTrue());
            rendered.find("PodDisruptionBudget", name).ifPresent(pdb -> assertThat(
                    Rendered.selects(pdb.path("spec").path("selector").path("matchLabels"), podLabels)).isTrue());
            deployment.path("spec").path("template").path("spec").path("topologySpreadConstraints").forEach(c ->
                    assertThat(Rendered.selects(c.path("labelSelector").path("matchLabels"), podLabels)).isTrue());
            // A selector that matched another service's pods too would mix them: the component tells them apart.
            for (JsonNode other : rendered.ofKind("Deployment")) {
                if (other != deployment) {
                    assertThat(Rendered.selects(deployment.path("spec").path("selector").path("matchLabels"),
                            other.path("spec").path("template").path("metadata").path("labels"))).isFalse();
                }
            }
        }
    }

    @ParameterizedTest
    @EnumSource(ValuesVariant.class)
    void everyContainerIsProbedOnQuarkusHealthEndpoints(ValuesVariant variant) {
        for (JsonNode deployment : Rendered.of(variant).ofKind("Deployment")) {
            for (JsonNode container : Rendered.containers(deployment)) {
                assertThat(container.path("startupProbe").path("httpGet").path("path").asText()).isEqualTo("/q/health/started");
                assertThat(container.path("livenessProbe").path("httpGet").path("path").asText()).isEqualTo("/q/health/live");
                assertThat(container.path("readinessProbe").path("httpGet").path("path").asText()).isEqualTo("/q/health/ready");
                List<String> ports = new ArrayList<>();
                container.path("ports").forEach(p -> ports.add(p.path("name").asText()));
                assertThat(ports).contains(container.path("readinessProbe").path("httpGet").path("port").asText());
            }
        }
    }

    @ParameterizedTest
    @EnumSource(ValuesVariant.class)
    void podsRunRestrictedAsNonRootOnAReadOnlyRootWithTmpWritable(ValuesVariant variant) {
        for (JsonNode deployment : Rendered.of(variant).ofKind("Deployment")) {
            JsonNode pod = deployment.path("spec").path("template").path("spec");
            assertThat(pod.path("automountServiceAccountToken").asBoolean(true)).isFalse();
            assertThat(pod.path("securityContext").path("runAsNonRoot").asBoolean()).isTrue();
            assertThat(pod.path("securityContext").path("seccompProfile").path("type").asText()).isEqualTo("RuntimeDefault");
            for (JsonNode container : Rendered.containers(deployment)) {
                JsonNode security = container.path("securityContext");
                assertThat(security.path("runAsNonRoot").asBoolean()).isTrue();
                assertThat(security.path("readOnlyRootFilesystem").asBoolean()).isTrue();
                assertThat(security.path("allowPrivilegeEscalation").asBoolean(true)).isFalse();
                assertThat(security.path("capabilities").path("drop").toString()).isEqualTo("[\"ALL\"]");
                assertThat(security.path("seccompProfile").path("type").asText()).isEqualTo("RuntimeDefault");
                assertThat(security.path("privileged").asBoolean(false)).isFalse();

                String tmpVolume = null;
                for (JsonNode mount : container.path("volumeMounts")) {
                    if ("/tmp".equals(mount.path("mountPath").asText())) {
                        tmpVolume = mount.path("name").asText();
                    }
                }
                assertThat(tmpVolume).as("/tmp is mounted").isNotNull();
                String volume = tmpVolume;
                assertThat(pod.path("volumes")).anySatisfy(v -> {
                    assertThat(v.path("name").asText()).isEqualTo(volume);
                    assertThat(v.has("emptyDir")).isTrue();
                });
                assertThat(container.path("resources").path("requests").has("memory")).isTrue();
                assertThat(container.path("resources").path("limits").has("memory")).isTrue();
            }
        }
        Rendered.of(variant).ofKind("ServiceAccount").forEach(account ->
                assertThat(account.path("automountServiceAccountToken").asBoolean(true)).isFalse());
    }

    @ParameterizedTest
    @EnumSource(ValuesVariant.class)
    void theJvmStartsWithACommonPoolOfTwo(ValuesVariant variant) {
        for (JsonNode deployment : Rendered.of(variant).ofKind("Deployment")) {
            for (JsonNode container : Rendered.containers(deployment)) {
                assertThat(container.path("env")).anySatisfy(env -> {
                    assertThat(env.path("name").asText()).isEqualTo("JAVA_OPTS_APPEND");
                    assertThat(env.path("value").asText()).contains("-Djava.util.concurrent.ForkJoinPool.common.parallelism=2");
                });
            }
        }
    }
}
