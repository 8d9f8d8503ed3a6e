package dev.carrierhub.helm;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Runs the real helm binary on the chart: lint and template, offline. */
final class Helm {
    static final String RELEASE = "shipping";
    static final String NAMESPACE = "logistics";

    /** What one helm command answered. */
    record Result(int exitCode, String out, String err) {
        boolean ok() {
            return exitCode == 0;
        }
    }

    private Helm() {
    }

    static Result lintStrict(Path valuesFile) {
        List<String> args = new ArrayList<>(List.of("lint", "--strict", ChartTools.CHART.toString()));
        addValues(args, valuesFile);
        return run(args);
    }

    /** {@code helm template} with an optional values file and {@code --set} pairs. */
    static Result template(Path valuesFile, String... sets) {
        List<String> args = new ArrayList<>(List.of("template", RELEASE, ChartTools.CHART.toString(),
                "--namespace", NAMESPACE));
        addValues(args, valuesFile);
        for (String set : sets) {
            args.add("--set");
            args.add(set);
        }
        return run(args);
    }

    private static void addValues(List<String> args, Path valuesFile) {
        if (valuesFile != null) {
            args.add("--values");
            args.add(valuesFile.toString());
        }
    }

    static Result run(List<String> args) {
        List<String> command = new ArrayList<>();
        command.add(ChartTools.helm().toString());
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command);
        // No kubeconfig, no repositories, no cache of the user's: the chart is rendered from itself alone.
        Path home = ChartTools.NODE_TOOLS.getParent().resolve("helm-home");
        builder.environment().put("HELM_CONFIG_HOME", home.resolve("config").toString());
        builder.environment().put("HELM_CACHE_HOME", home.resolve("cache").toString());
        builder.environment().put("HELM_DATA_HOME", home.resolve("data").toString());
        builder.environment().put("KUBECONFIG", home.resolve("no-kubeconfig").toString());
        return ProcessRunner.run(builder);
    }

    /** Runs a process to its end, reading both streams at once so neither can block it. */
    static final class ProcessRunner {
        // Own threads: on a small machine the common pool may have one thread, and two blocking reads need two.
        private static final java.util.concurrent.ExecutorService READERS =
                java.util.concurrent.Executors.newCachedThreadPool(task -> {
                    Thread thread = new Thread(task, "process-reader");
                    thread.setDaemon(true);
                    return thread;
                });

        private ProcessRunner() {
        }

        static Result run(ProcessBuilder builder) {
            try {
                Process process = builder.start();
                CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> read(process.getInputStream()), READERS);
                CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> read(process.getErrorStream()), READERS);
                if (!process.waitFor(120, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    throw new IllegalStateException("timed out: " + builder.command());
                }
                return new Result(process.exitValue(), out.join(), err.join());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot run " + builder.command(), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        private static String read(java.io.InputStream stream) {
            try (stream) {
                return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
