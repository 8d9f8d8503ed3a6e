package dev.carrierhub.devstack;

import dev.carrierhub.devstack.broker.KafkaBrokerMain;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** An Apache Kafka broker (single KRaft node) running in a child JVM on free loopback ports. */
public final class KafkaBroker implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(KafkaBroker.class);

    static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration STOP_GRACE = Duration.ofSeconds(15);
    private static final String CLASS_FILE = KafkaBrokerMain.class.getName().replace('.', '/') + ".class";
    private static final int LOG_TAIL_LINES = 40;

    private final Path workDir;
    private final int port;
    private final int controllerPort;
    private final Path logFile;
    private final Duration startupTime;
    private volatile Process process;
    private volatile Thread shutdownHook;

    private KafkaBroker(Path workDir, int port, int controllerPort, Path logFile) {
        this.workDir = workDir;
        this.port = port;
        this.controllerPort = controllerPort;
        this.logFile = logFile;
        this.startupTime = launch();
    }

    /** Starts a broker whose data and log live in workDir, and waits until it answers an AdminClient. */
    public static KafkaBroker start(Path workDir) {
        WorkDirs.create(workDir);
        int port = Ports.freePort();
        int controllerPort = Ports.freePort();
        while (controllerPort == port) {
            controllerPort = Ports.freePort();
        }
        return new KafkaBroker(workDir, port, controllerPort, workDir.resolve("kafka-broker.log"));
    }

    /**
     * Starts the broker again after {@link #stop()}, on the same ports and with the same data, as a restarted
     * broker comes back in production: clients keep their bootstrap address, topics and committed offsets are
     * still there. Returns how long it took to answer again.
     */
    public synchronized Duration startAgain() {
        if (process.isAlive()) {
            throw new IllegalStateException("The Kafka broker on " + bootstrapServers() + " is still running");
        }
        return launch();
    }

    /** Launches the broker JVM and waits until it is ready; returns how long that took. */
    private Duration launch() {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                // A test broker lives for seconds to minutes: C1 only and the serial collector start fastest.
                "-XX:TieredStopAtLevel=1",
                "-XX:+UseSerialGC",
                "-Xmx512m",
                "-Djava.awt.headless=true",
                "-cp", String.join(File.pathSeparator, brokerClassPath()),
                KafkaBrokerMain.class.getName(),
                workDir.toAbsolutePath().toString(),
                Integer.toString(port),
                Integer.toString(controllerPort)));

        long started = System.nanoTime();
        Process launched;
        try {
            launched = new ProcessBuilder(command)
                    // stdin stays a pipe that we keep open: the broker exits when it closes, i.e. when this
                    // JVM is gone, even after kill -9 that runs no shutdown hook.
                    .redirectInput(ProcessBuilder.Redirect.PIPE)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start the Kafka broker JVM", e);
        }
        Thread hook = new Thread(() -> terminate(launched), "kafka-broker-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);

        String bootstrap = bootstrapServers();
        try {
            awaitReady(launched, port, bootstrap, logFile);
        } catch (RuntimeException e) {
            terminate(launched);
            removeHook(hook);
            throw e;
        }
        process = launched;
        shutdownHook = hook;
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        LOG.info("Kafka broker ready on {} in {} ms (pid {}, log {})",
                bootstrap, took.toMillis(), launched.pid(), logFile);
        return took;
    }

    /** The PLAINTEXT listener, as {@code 127.0.0.1:<port>}. */
    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    /** The child JVM (the latest, after a restart), for tests that check it is gone. */
    public ProcessHandle process() {
        return process.toHandle();
    }

    public Path logFile() {
        return logFile;
    }

    /** From launching the first JVM to its first successful describeCluster. */
    public Duration startupTime() {
        return startupTime;
    }

    /**
     * Stops the broker (SIGTERM, then SIGKILL after a grace period) and waits until the process is gone. Its data
     * stays: {@link #startAgain()} brings it back.
     */
    public synchronized void stop() {
        terminate(process);
        removeHook(shutdownHook);
    }

    @Override
    public void close() {
        stop();
    }

    private static void awaitReady(Process process, int port, String bootstrap, Path logFile) {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        // First the bare TCP port, then the Kafka protocol: polling an AdminClient against a closed port
        // would fill the log with connection warnings for the few seconds the broker needs.
        while (!Ports.isListening(port)) {
            checkStillStarting(process, deadline, bootstrap, logFile, null);
            pause(process);
        }
        Properties config = new Properties();
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.put(AdminClientConfig.RECONNECT_BACKOFF_MS_CONFIG, "50");
        config.put(AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, "250");
        config.put(AdminClientConfig.CLIENT_ID_CONFIG, "devstack-readiness");
        try (Admin admin = Admin.create(config)) {
            while (true) {
                Exception failure;
                try {
                    admin.describeCluster(new DescribeClusterOptions().timeoutMs(2_000)).nodes().get();
                    return;
                } catch (ExecutionException e) {
                    failure = e;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("Interrupted while waiting for the Kafka broker", e);
                }
                checkStillStarting(process, deadline, bootstrap, logFile, failure);
                pause(process);
            }
        }
    }

    private static void checkStillStarting(Process process, long deadline, String bootstrap, Path logFile,
            Exception lastFailure) {
        if (!process.isAlive()) {
            throw new IllegalStateException("The Kafka broker JVM exited with code " + process.exitValue()
                    + " before it was ready on " + bootstrap + ". Last lines of " + logFile + ":\n"
                    + tail(logFile), lastFailure);
        }
        if (System.nanoTime() > deadline) {
            throw new IllegalStateException("The Kafka broker was not ready on " + bootstrap + " within "
                    + START_TIMEOUT.toSeconds() + " s. Last lines of " + logFile + ":\n" + tail(logFile),
                    lastFailure);
        }
    }

    /** Waits a moment between two probes, returning at once if the broker dies meanwhile. */
    private static void pause(Process process) {
        try {
            process.onExit().get(100, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            // The normal case: still running, probe again.
        } catch (ExecutionException e) {
            // onExit never completes exceptionally; the next probe reports the state.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for the Kafka broker", e);
        }
    }

    private static void terminate(Process process) {
        if (!process.isAlive()) {
            return;
        }
        closeQuietly(process.getOutputStream());
        process.destroy();
        try {
            if (!process.waitFor(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.warn("Kafka broker (pid {}) ignored SIGTERM for {} s, killing it", process.pid(),
                        STOP_GRACE.toSeconds());
                process.destroyForcibly();
                process.waitFor();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private static void closeQuietly(OutputStream stream) {
        try {
            stream.close();
        } catch (IOException e) {
            // The pipe is already broken: the broker is exiting anyway.
        }
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // The JVM is already shutting down and runs the hook itself.
        }
    }

    /**
     * The broker's class path: the kafka-broker jar (or its target/classes directory inside the reactor) plus
     * the dependency jars its build listed in {@value KafkaBrokerMain#CLASSPATH_RESOURCE}.
     */
    static List<String> brokerClassPath() {
        ClassLoader loader = KafkaBrokerMain.class.getClassLoader();
        URL listing = loader.getResource(KafkaBrokerMain.CLASSPATH_RESOURCE);
        URL classFile = loader.getResource(CLASS_FILE);
        if (listing == null || classFile == null) {
            throw new IllegalStateException("kafka-broker is not on the class path (missing "
                    + KafkaBrokerMain.CLASSPATH_RESOURCE + "); build platform/kafka-broker first");
        }
        List<String> entries = new ArrayList<>();
        entries.add(classPathRoot(classFile, CLASS_FILE).toString());
        try (InputStream in = listing.openStream()) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
            Arrays.stream(text.split(File.pathSeparator))
                    .map(String::trim)
                    .filter(entry -> !entry.isEmpty())
                    .forEach(entries::add);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + listing, e);
        }
        // The listing holds absolute paths into the Maven repository of the build that wrote it.
        entries.stream().filter(entry -> !Files.exists(Path.of(entry))).findFirst().ifPresent(missing -> {
            throw new IllegalStateException("The Kafka broker class path lists " + missing + ", which does not "
                    + "exist; rebuild platform/kafka-broker (mvn install -pl platform/kafka-broker)");
        });
        return entries;
    }

    /** The jar file or class directory that holds the given resource. */
    static Path classPathRoot(URL resource, String resourceName) {
        String url = resource.toString();
        try {
            // jar:file:/…/kafka-broker.jar!/META-INF/… — parsed by hand rather than through JarURLConnection,
            // which would open the jar and depends on the URL handler of whichever class loader served it.
            if (url.startsWith("jar:") && url.contains("!/")) {
                return Path.of(new URI(url.substring("jar:".length(), url.indexOf("!/"))));
            }
            if (url.startsWith("file:")) {
                Path root = Path.of(resource.toURI());
                for (int i = 0; i < Path.of(resourceName).getNameCount(); i++) {
                    root = root.getParent();
                }
                return root;
            }
        } catch (URISyntaxException | IllegalArgumentException e) {
            throw new IllegalStateException("Cannot locate the kafka-broker jar from " + resource, e);
        }
        // Another scheme from some class loader: the code source still points at the jar or directory.
        try {
            return Path.of(KafkaBrokerMain.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (RuntimeException | URISyntaxException e) {
            throw new IllegalStateException("Cannot locate the kafka-broker jar from " + resource, e);
        }
    }

    /** The last lines of the broker log, for error messages. */
    static String tail(Path logFile) {
        try {
            // Decoded leniently: a log is no place to fail on a malformed byte.
            List<String> lines = new String(Files.readAllBytes(logFile), StandardCharsets.UTF_8).lines().toList();
            return String.join("\n", lines.subList(Math.max(0, lines.size() - LOG_TAIL_LINES), lines.size()));
        } catch (IOException | UncheckedIOException e) {
            return "(cannot read " + logFile + ": " + e + ")";
        }
    }
}
