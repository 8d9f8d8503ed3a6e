package dev.carrierhub.helm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The objects one values variant renders to, parsed; each variant is rendered once per test run. */
final class Rendered {
    static final ObjectMapper JSON = new ObjectMapper();
    private static final YAMLMapper YAML = new YAMLMapper(new YAMLFactory());
    private static final Map<ValuesVariant, Rendered> CACHE = new ConcurrentHashMap<>();

    final ValuesVariant variant;
    final List<JsonNode> objects;

    private Rendered(ValuesVariant variant, List<JsonNode> objects) {
        this.variant = variant;
        this.objects = objects;
    }

    static Rendered of(ValuesVariant variant) {
        return CACHE.computeIfAbsent(variant, v -> {
            Helm.Result result = Helm.template(v.file());
            if (!result.ok()) {
                throw new AssertionError("helm template failed for " + v + ": " + result.err());
            }
            return new Rendered(v, parse(result.out()));
        });
    }

    static List<JsonNode> parse(String yaml) {
        List<JsonNode> objects = new ArrayList<>();
        try (var parser = YAML.getFactory().createParser(yaml)) {
            YAML.readValues(parser, JsonNode.class).forEachRemaining(node -> {
                if (node != null && !node.isNull() && !node.isEmpty()) {
                    objects.add(node);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("rendered YAML does not parse", e);
        }
        return objects;
    }

    List<JsonNode> ofKind(String kind) {
        return objects.stream().filter(o -> kind.equals(o.path("kind").asText())).toList();
    }

    Optional<JsonNode> find(String kind, String name) {
        return ofKind(kind).stream().filter(o -> name.equals(o.path("metadata").path("name").asText())).findFirst();
    }

    ArrayNode asArray() {
        ArrayNode array = JSON.createArrayNode();
        objects.forEach(array::add);
        return array;
    }

    static String name(JsonNode object) {
        return object.path("metadata").path("name").asText();
    }

    static String component(JsonNode object) {
        return object.path("metadata").path("labels").path("app.kubernetes.io/component").asText();
    }

    /** The pod template's containers of a Deployment. */
    static List<JsonNode> containers(JsonNode deployment) {
        List<JsonNode> containers = new ArrayList<>();
        deployment.path("spec").path("template").path("spec").path("containers").forEach(containers::add);
        return containers;
    }

    /** True when every label of {@code selector} is on {@code labels} with the same value. */
    static boolean selects(JsonNode selector, JsonNode labels) {
        if (selector == null || selector.isMissingNode() || selector.isEmpty()) {
            return false;
        }
        var fields = selector.fields();
        while (fields.hasNext()) {
            var field = fields.next();
            if (!field.getValue().asText().equals(labels.path(field.getKey()).asText(null))) {
                return false;
            }
        }
        return true;
    }
}
