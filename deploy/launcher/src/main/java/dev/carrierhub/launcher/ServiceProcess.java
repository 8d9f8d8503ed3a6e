package dev.carrierhub.launcher;

import dev.carrierhub.devstack.ParentDeathWatchdog;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * One Carrier Hub service running as its own JVM from its packaged jar, the way it runs in a pod: it is
 * configured through system properties, and ready when {@code /q/health/ready} says so.
 */
public final class ServiceProcess implements AutoCloseable {
    private final String name;
    private final Path jar;
    private final int httpPort;
    private final Map<String, String> config;
    private final Path logDir;
    private final List<String> jvmOptions;
    private final Process process;
    private final ParentDeathWatchdog watchdog;
    private final Path logFile;
    private final long startedNanos;
    private volatile Duration timeToReady;

    private ServiceProcess(String name, Path jar, int httpPort, Map<String, String> config, Path logDir,
            List<String> jvmOptions, Process process, Path logFile, long startedNanos) {
        this.name = name;
        this.jar = jar;
        this.httpPort = httpPort;
        this.config = config;
        this.logDir = logDir;
        this.jvmOptions = jvmOptions;
        this.process = process;
        this.logFile = logFile;
        this.startedNanos = startedNanos;
        // A service must not outlive the launcher, even when the launcher is killed with -9.
        this.watchdog = ParentDeathWatchdog.watch(process.pid(), "TERM");
    }

    /**
     * At least two common-pool threads: with one (the JVM's default on two CPUs) every call of the JDK's HTTP
     * client, which the carrier connectors use, starts a thread of its own (see service-core's CommonPoolCheck).
     */
    static final String COMMON_POOL = "-Djava.util.concurrent.ForkJoinPool.common.parallelism="
            + Math.max(2, Runtime.getRuntime().availableProcessors() - 1);
    /** Small heaps and a quick start, so five services and their servers fit on a laptop. */
    public static final List<String> LAPTOP_JVM_OPTIONS = List.of("-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
            COMMON_POOL);
    /**
     * A pod's JVM, for benchmarks: the full JIT (the laptop settings stop at C1 to start quickly) and a heap
     * that does not make the collector the bottleneck.
     */
    public static final List<String> POD_JVM_OPTIONS = List.of("-Xmx512m", COMMON_POOL);

    /** Starts {@code jar} with the given configuration; logs go to {@code logDir/<name>.log}. */
    public static ServiceProcess start(String name, Path jar, int httpPort, Map<String, String> config, Path logDir) {
        return start(name, jar, httpPort, config, logDir, LAPTOP_JVM_OPTIONS);
    }

    /** Like {@link #start(String, Path, int, Map, Path)} with the JVM options given. */
    public static ServiceProcess start(String name, Path jar, int httpPort, Map<String, String> config, Path logDir,
            List<String> jvmOptions) {
        return launch(name, jar, httpPort, Map.copyOf(config), logDir, List.copyOf(jvmOptions), false);
    }

    private static ServiceProcess launch(String name, Path jar, int httpPort, Map<String, String> config, Path logDir,
            List<String> jvmOptions, boolean again) {
        Map<String, String> properties = new TreeMap<>(config);
        properties.put("quarkus.http.port", Integer.toString(httpPort));
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        properties.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.add("-jar");
        command.add(jar.toString());
        try {
            Files.createDirectories(logDir);
            Path logFile = logDir.resolve(name + ".log");
            if (again) {
                Files.writeString(logFile, "---- started again ----" + System.lineSeparator(),
                        StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            }
            long started = System.nanoTime();
            Process process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(again ? ProcessBuilder.Redirect.appendTo(logFile.toFile())
                            : ProcessBuilder.Redirect.to(logFile.toFile()))
                    .start();
            return new ServiceProcess(name, jar, httpPort, config, logDir, jvmOptions, process, logFile, started);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + name, e);
        }
    }

    /**
     * Starts this service again, from the same jar, with the same configuration and JVM options, on the same
     * port, as Kubernetes restarts a pod's container; its log goes on in the same file. This process must have
     * ended first ({@link #kill()} or {@link #close()}).
     */
    public ServiceProcess startAgain() {
        if (process.isAlive()) {
            throw new IllegalStateException(name + " is still running (pid " + pid() + ")");
        }
        return launch(name, jar, httpPort, config, logDir, jvmOptions, true);
    }

    /** Waits until the service reports ready; fails with the end of its log if it dies or takes too long. */
    public ServiceProcess awaitReady(Duration timeout) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        HttpRequest ready = HttpRequest.newBuilder(baseUri().resolve("/q/health/ready"))
                .timeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + ":\n" + logTail());
            }
            try {
                if (http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    timeToReady = Duration.ofNanos(System.nanoTime() - startedNanos);
                    return this;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for " + name, e);
            }
            pause();
        }
        throw new IllegalStateException(name + " was not ready within " + timeout + ":\n" + logTail());
    }

    public String name() {
        return name;
    }

    public URI baseUri() {
        return URI.create("http://127.0.0.1:" + httpPort);
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public Duration timeToReady() {
        return timeToReady;
    }

    public Path logFile() {
        return logFile;
    }

    /** Resident set size in kilobytes, read from {@code /proc} (Linux). */
    public long residentKilobytes() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid()), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }

    public String logTail() {
        try {
            List<String> lines = Files.readAllLines(logFile);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    /**
     * Ends the JVM with SIGKILL and waits until it is gone, as a crash, an OOM kill or a lost node ends a pod:
     * no shutdown hook runs, nothing in flight is finished, committed or rolled back by the service itself.
     */
    public void kill() {
        watchdog.disarm();
        process.destroyForcibly();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException(name + " (pid " + pid() + ") survived SIGKILL for 10 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while killing " + name, e);
        }
    }

    @Override
    public void close() {
        watchdog.disarm();
        process.destroy();
        try {
            if (!process.waitFor(15, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    private static void pause() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
