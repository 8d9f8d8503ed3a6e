package dev.carrierhub.helm;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.Properties;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Secrets come only from existingSecret: no Secret is rendered, and nothing secret is in plain text. */
class SecretHandlingTest {
    /** Names of settings that hold a secret, in environment variables and in application properties. */
    static final Pattern SECRET_NAME = Pattern.compile("(?i).*(password|secret|token|api[-_]?key|credential|jaas).*");
    /** How a secret appears in a ConfigMap: only as a reference to the environment. */
    private static final Pattern ENV_REFERENCE = Pattern.compile(".*\\$\\{[A-Z0-9_]+(:[^}]*)?}.*");

    @ParameterizedTest
    @EnumSource(ValuesVariant.class)
    void noSecretObjectIsRendered(ValuesVariant variant) {
        assertThat(Rendered.of(variant).ofKind("Secret")).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(ValuesVariant.class)
    void secretLookingEnvironmentVariablesComeFromSecrets(ValuesVariant variant) {
        JsonNode values = ValuesFiles.effective(variant);
        for (JsonNode deployment : Rendered.of(variant).ofKind("Deployment")) {
            for (JsonNode container : Rendered.containers(deployment)) {
                for (JsonNode env : container.path("env")) {
                    String name = env.path("name").asText();
                    if (SECRET_NAME.matcher(name).matches()) {
                        assertThat(env.has("value")).as(name + " has a plain value").isFalse();
                        assertThat(env.path("valueFrom").has("secretKeyRef")).as(name).isTrue();
                    }
                    JsonNode ref = env.path("valueFrom").path("secretKeyRef");
                    if (!ref.isMissingNode()) {
                        assertThat(ref.path("name").asText()).as(name + " reads the configured Secret")
                                .isIn(values.path("existingSecret").asText(), databaseSecret(values, deployment));
                    }
                }
            }
        }
    }

    @ParameterizedTest
    @EnumSource(ValuesVariant.class)
    void secretSettingsInConfigMapsAreOnlyReferencesToTheEnvironment(ValuesVariant variant) {
        for (JsonNode configMap : Rendered.of(variant).ofKind("ConfigMap")) {
            String properties = configMap.path("data").path("application.properties").asText(null);
            if (properties == null) {
                continue;
            }
            Properties parsed = parse(properties);
            for (String key : parsed.stringPropertyNames()) {
                if (SECRET_NAME.matcher(key).matches()) {
                    assertThat(parsed.getProperty(key)).as(key).matches(ENV_REFERENCE);
                }
            }
        }
    }

    private static String databaseSecret(JsonNode values, JsonNode deployment) {
        String component = Rendered.component(deployment);
        String own = values.path(ValuesFiles.key(component)).path("database").path("existingSecret").asText("");
        return own.isEmpty() ? values.path("existingSecret").asText() : own;
    }

    static Properties parse(String properties) {
        Properties parsed = new Properties();
        try {
            parsed.load(new StringReader(properties));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return parsed;
    }
}
