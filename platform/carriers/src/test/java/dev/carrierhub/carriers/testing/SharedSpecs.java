package dev.carrierhub.carriers.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The carriers' published material in {@code ../shared/carrier-specs}, read in place (never copied into the
 * project). Surefire names the folder in the system property {@code carrierhub.shared}.
 */
public final class SharedSpecs {
    private SharedSpecs() {
    }

    /** The path under {@code carrier-specs}, or the test is skipped when the folder is absent. */
    public static Path require(String relative) {
        String shared = System.getProperty("carrierhub.shared");
        Path specs = shared == null ? null : Path.of(shared, "carrier-specs");
        assumeTrue(specs != null && Files.isDirectory(specs),
                () -> (shared == null ? "<carrierhub.shared unset>" : shared)
                        + "/carrier-specs not found: conformance against the carrier's published spec skipped");
        Path path = specs.resolve(relative);
        assumeTrue(Files.exists(path), () -> path + " not found: conformance against the carrier's published spec skipped");
        return path;
    }
}
