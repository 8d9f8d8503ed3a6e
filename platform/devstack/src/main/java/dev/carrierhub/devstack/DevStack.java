package dev.carrierhub.devstack;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Kafka and PostgreSQL for tests and local runs: started here, or external servers when configured. */
public final class DevStack implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DevStack.class);

    private static DevStack shared;

    private final DevStackConfig config;
    private final Path workDir;
    private final boolean temporaryWorkDir;
    private final KafkaBroker broker;
    private final PostgresServer postgres;
    private final Thread shutdownHook;
    private volatile boolean stopped;

    private DevStack(DevStackConfig config, Path workDir, boolean temporaryWorkDir, KafkaBroker broker,
            PostgresServer postgres) {
        this.config = config;
        this.workDir = workDir;
        this.temporaryWorkDir = temporaryWorkDir;
        this.broker = broker;
        this.postgres = postgres;
        this.shutdownHook = new Thread(this::stop, "devstack-shutdown");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /** Starts what the system properties and environment do not point elsewhere (see {@link DevStackConfig}). */
    public static DevStack start() {
        return start(DevStackConfig.fromEnvironment());
    }

    /** Starts Kafka and PostgreSQL in parallel, except the parts that config points at external servers. */
    public static DevStack start(DevStackConfig config) {
        boolean startKafka = config.kafkaBootstrapServers().isEmpty();
        boolean startPostgres = config.postgresJdbcUrl().isEmpty();
        boolean temporary = config.workDir().isEmpty();
        Path workDir = null;
        if (startKafka || startPostgres) {
            workDir = config.workDir().map(WorkDirs::create)
                    .orElseGet(() -> WorkDirs.newTempDir("carrierhub-devstack-"));
        }
        Path dir = workDir;
        long started = System.nanoTime();
        // Both take seconds and neither needs the other: two threads halve the wait.
        CompletableFuture<KafkaBroker> kafka = startKafka
                ? CompletableFuture.supplyAsync(() -> KafkaBroker.start(dir.resolve("kafka")), thread("kafka"))
                : CompletableFuture.completedFuture(null);
        CompletableFuture<PostgresServer> pg = startPostgres
                ? CompletableFuture.supplyAsync(
                        () -> PostgresServer.start(dir.resolve("postgres").resolve("data"), !temporary),
                        thread("postgres"))
                : CompletableFuture.completedFuture(null);
        try {
            CompletableFuture.allOf(kafka, pg).join();
        } catch (CompletionException e) {
            // allOf completes only once both have: stop whichever did start, then report the failure.
            stopQuietly(() -> kafka.isCompletedExceptionally() ? null : kafka.join());
            stopQuietly(() -> pg.isCompletedExceptionally() ? null : pg.join());
            if (temporary) {
                WorkDirs.deleteQuietly(workDir);
            }
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
        DevStack stack = new DevStack(config, workDir, temporary, kafka.join(), pg.join());
        LOG.info("Dev stack ready in {} ms: Kafka {} ({}), PostgreSQL {} ({})",
                Duration.ofNanos(System.nanoTime() - started).toMillis(),
                stack.bootstrapServers(), startKafka ? "started" : "external",
                stack.database("postgres").jdbcUrl(), startPostgres ? "started" : "external");
        return stack;
    }

    /** One stack per JVM, started on first use and stopped when the JVM exits; for tests of one module. */
    public static synchronized DevStack shared() {
        if (shared == null || shared.stopped) {
            shared = start();
        }
        return shared;
    }

    public String bootstrapServers() {
        return broker != null ? broker.bootstrapServers() : config.kafkaBootstrapServers().orElseThrow();
    }

    /** The named database; created first on our own server, assumed to exist on an external one. */
    public Database database(String name) {
        if (postgres != null) {
            if (!"postgres".equals(name)) {
                postgres.createDatabase(name);
            }
            return new Database(name, postgres.jdbcUrl(name), postgres.reactiveUrl(name), postgres.username(),
                    postgres.password());
        }
        String serverUrl = config.postgresJdbcUrl().orElseThrow();
        return new Database(name, PostgresUrls.jdbcUrl(serverUrl, name), PostgresUrls.reactiveUrl(serverUrl, name),
                config.postgresUsername(), config.postgresPassword());
    }

    /** The broker this stack started; empty when it uses an external one. */
    public Optional<KafkaBroker> kafkaBroker() {
        return Optional.ofNullable(broker);
    }

    /** The PostgreSQL server this stack started; empty when it uses an external one. */
    public Optional<PostgresServer> postgresServer() {
        return Optional.ofNullable(postgres);
    }

    /** Where started servers keep their files; empty when everything is external. */
    public Optional<Path> workDir() {
        return Optional.ofNullable(workDir);
    }

    /** Stops what this stack started (in parallel, like the start) and deletes a temporary work dir. */
    public synchronized void stop() {
        if (stopped) {
            return;
        }
        stopped = true;
        CompletableFuture<Void> kafka = broker == null
                ? CompletableFuture.completedFuture(null)
                : CompletableFuture.runAsync(broker::stop, thread("kafka-stop"));
        if (postgres != null) {
            stopQuietly(() -> postgres);
        }
        kafka.exceptionally(e -> {
            LOG.warn("Stopping the Kafka broker failed", e);
            return null;
        }).join();
        if (temporaryWorkDir) {
            WorkDirs.deleteQuietly(workDir);
        }
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException e) {
            // Called from the hook itself, or while the JVM shuts down.
        }
    }

    @Override
    public void close() {
        stop();
    }

    private static Executor thread(String name) {
        return task -> {
            Thread thread = new Thread(task, "devstack-" + name);
            thread.setDaemon(true);
            thread.start();
        };
    }

    private static void stopQuietly(Supplier<? extends AutoCloseable> server) {
        try {
            AutoCloseable closeable = server.get();
            if (closeable != null) {
                closeable.close();
            }
        } catch (Exception e) {
            LOG.warn("Stopping a dev stack server failed", e);
        }
    }
}
