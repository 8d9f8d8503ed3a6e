package dev.carrierhub.launcher;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where the checkout and the services' packaged jars are. */
public final class ProjectLayout {
    private final Path root;

    private ProjectLayout(Path root) {
        this.root = root;
    }

    /** The checkout named by {@code carrierhub.root}, or the nearest folder upwards holding {@code mvnw}. */
    public static ProjectLayout locate() {
        String configured = System.getProperty("carrierhub.root");
        if (configured != null && !configured.isBlank()) {
            return new ProjectLayout(Path.of(configured).toAbsolutePath().normalize());
        }
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            if (Files.exists(dir.resolve("mvnw")) && Files.isDirectory(dir.resolve("order-intake"))) {
                return new ProjectLayout(dir);
            }
            dir = dir.getParent();
        }
        throw new IllegalStateException("cannot find the Carrier Hub checkout; set -Dcarrierhub.root=<path>");
    }

    public Path root() {
        return root;
    }

    /** The runnable jar Quarkus packaged for {@code service}. */
    public Path runnerJar(String service) {
        Path jar = root.resolve(service).resolve("target/quarkus-app/quarkus-run.jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " does not exist: build first with ./mvnw -B -DskipTests package");
        }
        return jar;
    }
}
