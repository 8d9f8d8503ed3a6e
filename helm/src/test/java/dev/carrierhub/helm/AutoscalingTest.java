package dev.carrierhub.helm;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** A service is scaled by an HPA or by KEDA on its consumer lag, never by both, and only by what it names. */
class AutoscalingTest {

    @ParameterizedTest
    @ValueSource(strings = {"orderIntake", "rateShopping", "labelService", "trackingService", "billingReconciler"})
    void askingForHpaAndKedaAtOnceFailsTheRendering(String service) {
        Helm.Result result = Helm.template(null, service + ".autoscaling.enabled=true", service + ".keda.enabled=true");
        assertThat(result.ok()).isFalse();
        assertThat(result.err()).contains("are exclusive");
    }

    @ParameterizedTest
    @EnumSource(ValuesVariant.class)
    void noDeploymentHasTwoAutoscalersAndScaledOnesLeaveReplicasToThem(ValuesVariant variant) {
        Rendered rendered = Rendered.of(variant);
        Set<String> scaled = new HashSet<>();
        rendered.ofKind("HorizontalPodAutoscaler").forEach(h -> assertThat(scaled.add(h.path("spec").path("scaleTargetRef").path("name").asText())).isTrue());
        rendered.ofKind("ScaledObject").forEach(s -> assertThat(scaled.add(s.path("spec").path("scaleTargetRef").path("name").asText()))
                .as("also has an HPA: " + Rendered.name(s)).isTrue());
        for (JsonNode deployment : rendered.ofKind("Deployment")) {
            assertThat(deployment.path("spec").has("replicas")).as(Rendered.name(deployment))
                    .isEqualTo(!scaled.contains(Rendered.name(deployment)));
        }
        Set<String> deployments = new HashSet<>();
        rendered.ofKind("Deployment").forEach(d -> deployments.add(Rendered.name(d)));
        assertThat(deployments).containsAll(scaled);
    }

    @Test
    void kedaScalesOnTheServicesOwnConsumerGroupUpToThePartitions() {
        Rendered rendered = Rendered.of(ValuesVariant.KEDA);
        int partitions = ValuesFiles.effective(ValuesVariant.KEDA).path("kafka").path("topics").path("partitions").asInt();
        assertThat(rendered.ofKind("ScaledObject")).hasSize(4).allSatisfy(scaledObject -> {
            JsonNode trigger = scaledObject.path("spec").path("triggers").get(0);
            assertThat(trigger.path("type").asText()).isEqualTo("kafka");
            assertThat(trigger.path("metadata").path("consumerGroup").asText()).isEqualTo(Rendered.component(scaledObject));
            assertThat(trigger.path("metadata").path("bootstrapServers").asText()).isNotBlank();
            assertThat(trigger.path("metadata").path("allowIdleConsumers").asText()).isEqualTo("false");
            assertThat(scaledObject.path("spec").path("maxReplicaCount").asInt()).isLessThanOrEqualTo(partitions);
        });
    }
}
