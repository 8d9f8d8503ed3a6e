package dev.carrierhub.helm;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Validates rendered objects against the Kubernetes and CRD schemas shipped by npm's kubernetes-models packages
 * (src/test/node/validate-manifests.mjs), offline, one Node process per batch.
 */
final class SchemaValidator {

    /** One object's outcome: whether a schema for its kind was found, and what it violated. */
    record Outcome(String kind, String name, boolean schemaFound, List<String> errors) {
    }

    private SchemaValidator() {
    }

    static List<Outcome> validate(List<JsonNode> objects, String label) {
        ChartTools.requireNodeTools();
        try {
            Path input = Files.createDirectories(ChartTools.NODE_TOOLS.getParent().resolve("rendered"))
                    .resolve(label + ".json");
            Rendered.JSON.writeValue(input.toFile(), objects);
            ProcessBuilder node = new ProcessBuilder("node", "validate-manifests.mjs", input.toString())
                    .directory(ChartTools.NODE_TOOLS.toFile());
            Helm.Result result = Helm.ProcessRunner.run(node);
            if (!result.ok()) {
                throw new AssertionError("the validator failed: " + result.err());
            }
            List<Outcome> outcomes = new ArrayList<>();
            for (String line : result.out().split("\n")) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode json = Rendered.JSON.readTree(line);
                List<String> errors = new ArrayList<>();
                json.path("errors").forEach(e -> errors.add(e.asText()));
                outcomes.add(new Outcome(json.path("kind").asText(), json.path("name").asText(),
                        "found".equals(json.path("schema").asText()), errors));
            }
            return outcomes;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
