package dev.carrierhub.helm;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Everything a pod refers to exists: ConfigMaps and their keys, and every ${VAR} its configuration reads. */
class ConfigReferencesTest {
    private static final Pattern REQUIRED_ENV = Pattern.compile("\\$\\{([A-Z0-9_]+)}");
    private static final Pattern ANY_ENV = Pattern.compile("\\$\\{([A-Z0-9_]+)(:[^}]*)?}");

    @ParameterizedTest
    @EnumSource(ValuesVariant.class)
    void everyConfigMapKeyAPodReferencesExists(ValuesVariant variant) {
        Rendered rendered = Rendered.of(variant);
        for (JsonNode deployment : rendered.ofKind("Deployment")) {
            JsonNode pod = deployment.path("spec").path("template").path("spec");
            int references = 0;
            for (JsonNode volume : pod.path("volumes")) {
                JsonNode source = volume.path("configMap");
                if (source.isMissingNode()) {
                    continue;
                }
                JsonNode configMap = rendered.find("ConfigMap", source.path("name").asText()).orElseThrow(() ->
                        new AssertionError(Rendered.name(deployment) + " mounts a missing ConfigMap " + source));
                for (JsonNode item : source.path("items")) {
                    assertThat(configMap.path("data").has(item.path("key").asText())).as(item.toString()).isTrue();
                    references++;
                }
            }
            for (JsonNode container : Rendered.containers(deployment)) {
                for (JsonNode env : container.path("env")) {
                    JsonNode ref = env.path("valueFrom").path("configMapKeyRef");
                    if (!ref.isMissingNode()) {
                        assertThat(rendered.find("ConfigMap", ref.path("name").asText()))
                                .hasValueSatisfying(c -> assertThat(c.path("data").has(ref.path("key").asText())).isTrue());
                        references++;
                    }
                }
            }
            assertThat(references).as(Rendered.name(deployment) + " reads its configuration").isPositive();
        }
    }

    @ParameterizedTest
    @EnumSource(ValuesVariant.class)
    void everyEnvironmentVariableTheConfigurationNeedsIsSet(ValuesVariant variant) {
        Rendered rendered = Rendered.of(variant);
        for (JsonNode deployment : rendered.ofKind("Deployment")) {
            String properties = rendered.find("ConfigMap", Rendered.name(deployment)).orElseThrow()
                    .path("data").path("application.properties").asText();
            Set<String> env = new HashSet<>();
            Rendered.containers(deployment).forEach(c -> c.path("env").forEach(e -> env.add(e.path("name").asText())));

            Matcher required = REQUIRED_ENV.matcher(properties);
            while (required.find()) {
                assertThat(env).as(Rendered.name(deployment) + " reads ${" + required.group(1) + "}").contains(required.group(1));
            }
            // Optional references (with a default) are still set: they name keys the Secret may hold.
            Matcher any = ANY_ENV.matcher(properties);
            while (any.find()) {
                assertThat(env).contains(any.group(1));
            }
        }
    }
}
