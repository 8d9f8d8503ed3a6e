package dev.carrierhub.helm;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every rendered object is valid against its Kubernetes or CRD schema, offline. */
class ManifestSchemaTest {
    /** Strimzi publishes no schema package on npm or Maven Central; KafkaTopicsTest checks its shape instead. */
    private static final List<String> WITHOUT_SCHEMA = List.of("KafkaTopic");

    @ParameterizedTest
    @EnumSource(ValuesVariant.class)
    void everyObjectMatchesItsSchema(ValuesVariant variant) {
        Rendered rendered = Rendered.of(variant);
        List<SchemaValidator.Outcome> outcomes = SchemaValidator.validate(rendered.objects, variant.name());

        assertThat(outcomes).hasSize(rendered.objects.size());
        assertThat(outcomes).allSatisfy(outcome -> {
            assertThat(outcome.errors()).as(outcome.kind() + " " + outcome.name()).isEmpty();
            if (!WITHOUT_SCHEMA.contains(outcome.kind())) {
                assertThat(outcome.schemaFound()).as("schema of " + outcome.kind()).isTrue();
            }
        });
    }

    @Test
    void theValidatorRefusesWhatKubernetesWouldRefuse() throws Exception {
        JsonNode broken = Rendered.JSON.readTree("""
                {"apiVersion": "apps/v1", "kind": "Deployment", "metadata": {"name": "broken"},
                 "spec": {"replicas": "two", "selector": {"matchLabels": {"a": "b"}},
                          "template": {"spec": {"containers": [{"name": "c", "image": "i"}]}}}}""");
        JsonNode noTarget = Rendered.JSON.readTree("""
                {"apiVersion": "keda.sh/v1alpha1", "kind": "ScaledObject", "metadata": {"name": "no-target"},
                 "spec": {"triggers": [{"type": "kafka", "metadata": {}}]}}""");

        List<SchemaValidator.Outcome> outcomes = SchemaValidator.validate(List.of(broken, noTarget), "broken");

        assertThat(outcomes.get(0).errors()).anySatisfy(e -> assertThat(e).contains("replicas"));
        assertThat(outcomes.get(1).errors()).anySatisfy(e -> assertThat(e).contains("scaleTargetRef"));
    }
}
