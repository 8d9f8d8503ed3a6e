package dev.carrierhub.helm;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * No rendered object carries a field Kubernetes does not know (a misspelt key that the API server would drop,
 * such as readOnlyRootFileSystem). The npm schemas accept unknown fields; fabric8's typed models keep them
 * apart, in additionalProperties, where this test looks for them.
 */
class StrictFieldsTest {
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    private static final Map<String, Class<?>> MODELS = Map.of(
            "Deployment", io.fabric8.kubernetes.api.model.apps.Deployment.class,
            "Service", io.fabric8.kubernetes.api.model.Service.class,
            "ConfigMap", io.fabric8.kubernetes.api.model.ConfigMap.class,
            "ServiceAccount", io.fabric8.kubernetes.api.model.ServiceAccount.class,
            "NetworkPolicy", io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy.class,
            "PodDisruptionBudget", io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget.class,
            "HorizontalPodAutoscaler", io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler.class);

    @ParameterizedTest
    @EnumSource(ValuesVariant.class)
    void everyFieldOfTheKubernetesObjectsIsKnown(ValuesVariant variant) throws Exception {
        for (JsonNode object : Rendered.of(variant).objects) {
            Class<?> model = MODELS.get(object.path("kind").asText());
            if (model != null) {
                assertThat(unknownFields(object, model)).as(object.path("kind").asText() + " " + Rendered.name(object)).isEmpty();
            }
        }
    }

    @Test
    void aMisspeltFieldIsFound() throws Exception {
        JsonNode deployment = Rendered.JSON.readTree("""
                {"apiVersion": "apps/v1", "kind": "Deployment", "metadata": {"name": "d"},
                 "spec": {"template": {"spec": {"containers": [{"name": "c",
                   "securityContext": {"readOnlyRootFileSystem": true}}]}}}}""");

        assertThat(unknownFields(deployment, MODELS.get("Deployment"))).containsExactly(
                "spec.template.spec.containers.securityContext.readOnlyRootFileSystem");
    }

    static List<String> unknownFields(JsonNode object, Class<?> model) throws Exception {
        List<String> unknown = new ArrayList<>();
        walk(MAPPER.treeToValue(object, model), "", unknown, new IdentityHashMap<>());
        return unknown;
    }

    private static void walk(Object value, String path, List<String> unknown, Map<Object, Boolean> seen) throws Exception {
        if (value == null || seen.put(value, true) != null) {
            return;
        }
        if (value instanceof Iterable<?> items) {
            for (Object item : items) {
                walk(item, path, unknown, seen);
            }
            return;
        }
        if (value instanceof Map<?, ?> map) {
            for (Object item : map.values()) {
                walk(item, path, unknown, seen);
            }
            return;
        }
        if (!value.getClass().getName().startsWith("io.fabric8.")) {
            return;
        }
        for (Method getter : value.getClass().getMethods()) {
            if (getter.getParameterCount() != 0 || Modifier.isStatic(getter.getModifiers())
                    || !getter.getName().startsWith("get") || getter.getDeclaringClass() == Object.class) {
                continue;
            }
            Object child = getter.invoke(value);
            if (getter.getName().equals("getAdditionalProperties")) {
                ((Map<?, ?>) child).keySet().forEach(key -> unknown.add(join(path, key.toString())));
            } else {
                walk(child, join(path, property(getter.getName())), unknown, seen);
            }
        }
    }

    private static String property(String getter) {
        return Character.toLowerCase(getter.charAt(3)) + getter.substring(4);
    }

    private static String join(String path, String name) {
        return path.isEmpty() ? name : path + "." + name;
    }
}
