package dev.carrierhub.helm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/** The values a variant renders with: the chart's values.yaml with the variant's file merged over it. */
final class ValuesFiles {
    private static final YAMLMapper YAML = new YAMLMapper();
    private static final Map<String, String> KEYS = Map.of("order-intake", "orderIntake", "rate-shopping", "rateShopping",
            "label-service", "labelService", "tracking-service", "trackingService", "billing-reconciler", "billingReconciler");

    private ValuesFiles() {
    }

    static JsonNode effective(ValuesVariant variant) {
        try {
            ObjectNode values = (ObjectNode) YAML.readTree(ChartTools.CHART.resolve("values.yaml").toFile());
            if (variant.file() != null) {
                merge(values, (ObjectNode) YAML.readTree(variant.file().toFile()));
            }
            return values;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The values key of a component, e.g. labelService for label-service. */
    static String key(String component) {
        return KEYS.get(component);
    }

    private static void merge(ObjectNode into, ObjectNode over) {
        over.fields().forEachRemaining(field -> {
            JsonNode existing = into.get(field.getKey());
            if (existing instanceof ObjectNode target && field.getValue() instanceof ObjectNode source) {
                merge(target, source);
            } else {
                into.set(field.getKey(), field.getValue());
            }
        });
    }
}
