package dev.carrierhub.helm;

import java.nio.file.Path;

/** The values the chart is proven with: its defaults and each ci/*-values.yaml. */
enum ValuesVariant {
    DEFAULTS(null),
    MINIMAL("minimal-values.yaml"),
    HPA("hpa-values.yaml"),
    KEDA("keda-values.yaml"),
    ONE_SERVICE_ONLY("one-service-only-values.yaml"),
    ALL_FEATURES("all-features-values.yaml");

    private final String fileName;

    ValuesVariant(String fileName) {
        this.fileName = fileName;
    }

    /** The values file, or null for the chart's own defaults. */
    Path file() {
        return fileName == null ? null : ChartTools.CHART.resolve("ci").resolve(fileName);
    }
}
