package dev.carrierhub.helm;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** The alerting rules the chart renders when every feature is on. */
final class Alerts {
    private Alerts() {
    }

    static List<JsonNode> rules() {
        List<JsonNode> rules = new ArrayList<>();
        Rendered.of(ValuesVariant.ALL_FEATURES).ofKind("PrometheusRule").forEach(rule ->
                rule.path("spec").path("groups").forEach(group -> group.path("rules").forEach(rules::add)));
        return rules;
    }
}
