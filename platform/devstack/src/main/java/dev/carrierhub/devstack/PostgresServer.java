package dev.carrierhub.devstack;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** An embedded PostgreSQL server (zonky binaries) on a free loopback port. */
public final class PostgresServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PostgresServer.class);

    public static final String USERNAME = "postgres";
    /** Ignored by the server (it trusts loopback connections), but clients insist on having one. */
    public static final String PASSWORD = "postgres";

    /** Database names we create: plain identifiers only, so they need no quoting anywhere. */
    private static final Pattern DATABASE_NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");
    private static final String DUPLICATE_DATABASE = "42P04";

    private final Path dataDir;
    private final boolean keepData;
    private final int port;
    private final Duration startupTime;
    private volatile EmbeddedPostgres postgres;
    private volatile ParentDeathWatchdog watchdog;

    private PostgresServer(Path dataDir, boolean keepData, int port) {
        this.dataDir = dataDir;
        this.keepData = keepData;
        this.port = port;
        this.startupTime = launch();
    }

    /**
     * Starts PostgreSQL with its data in dataDir. With keepData the directory is reused when it already holds
     * a cluster and is left in place on stop; otherwise it is initialised afresh and deleted on stop.
     */
    public static PostgresServer start(Path dataDir, boolean keepData) {
        // The binaries are unpacked under java.io.tmpdir (target/tmp in tests): it has to exist.
        WorkDirs.create(Path.of(System.getProperty("java.io.tmpdir")));
        WorkDirs.create(dataDir.getParent());
        if (!keepData) {
            WorkDirs.deleteQuietly(dataDir);
        }
        return new PostgresServer(dataDir, keepData, Ports.freePort());
    }

    /** Launches the postmaster on our port and data directory (initdb first if it holds no cluster). */
    private Duration launch() {
        Path logFile = dataDir.resolveSibling("postgres.log");
        long started = System.nanoTime();
        EmbeddedPostgres launched;
        try {
            launched = EmbeddedPostgres.builder()
                    .setPort(port)
                    .setDataDirectory(dataDir)
                    // Never zonky's clean-up, which would delete the data on a stop meant for a restart: a
                    // throwaway directory is deleted by stop() below instead.
                    .setCleanDataDirectory(false)
                    .setServerConfig("listen_addresses", "127.0.0.1")
                    // Throwaway test data: durability only costs time here.
                    .setServerConfig("fsync", "off")
                    .setServerConfig("synchronous_commit", "off")
                    .setServerConfig("full_page_writes", "off")
                    .setOutputRedirector(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                    .setErrorRedirector(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start embedded PostgreSQL in " + dataDir + " (log " + logFile
                    + ")", e);
        }
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        LOG.info("PostgreSQL ready on 127.0.0.1:{} in {} ms (data {})", port, took.toMillis(), dataDir);
        // pg_ctl detaches the postmaster from this JVM, and zonky stops it only from a shutdown hook, which
        // kill -9 skips. SIGINT is PostgreSQL's fast shutdown.
        try {
            watchdog = ParentDeathWatchdog.watch(postmasterPid(dataDir), "INT");
        } catch (RuntimeException e) {
            try {
                launched.close();
            } catch (IOException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
        postgres = launched;
        return took;
    }

    /** The first line of postmaster.pid, which the server writes before it accepts connections. */
    private static long postmasterPid(Path dataDir) {
        try (var lines = Files.lines(dataDir.resolve("postmaster.pid"))) {
            return Long.parseLong(lines.findFirst().orElseThrow().trim());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read postmaster.pid in " + dataDir, e);
        }
    }

    public int port() {
        return port;
    }

    /** From launching initdb to a server that accepts connections, the first time. */
    public Duration startupTime() {
        return startupTime;
    }

    /** Creates the database unless it exists; safe to call from several test classes. */
    public synchronized void createDatabase(String name) {
        if (!DATABASE_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("Not a plain lower-case database name: " + name);
        }
        try (Connection connection = postgres.getPostgresDatabase().getConnection()) {
            try (PreparedStatement exists = connection.prepareStatement(
                    "select 1 from pg_database where datname = ?")) {
                exists.setString(1, name);
                try (ResultSet rows = exists.executeQuery()) {
                    if (rows.next()) {
                        return;
                    }
                }
            }
            try (Statement create = connection.createStatement()) {
                create.execute("create database " + name);
            }
        } catch (SQLException e) {
            // Another JVM sharing this server may have created it between the check and the create.
            if (!DUPLICATE_DATABASE.equals(e.getSQLState())) {
                throw new IllegalStateException("Cannot create database " + name, e);
            }
        }
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port() + "/" + database;
    }

    /** The URL form of the Vert.x reactive client: {@code postgresql://127.0.0.1:<port>/<database>}. */
    public String reactiveUrl(String database) {
        return "postgresql://127.0.0.1:" + port() + "/" + database;
    }

    public String username() {
        return USERNAME;
    }

    public String password() {
        return PASSWORD;
    }

    /** Stops the server (fast shutdown) and waits for it; deletes the data unless it was to be kept. */
    public synchronized void stop() {
        stopServer();
        if (!keepData) {
            WorkDirs.deleteQuietly(dataDir);
        }
    }

    /**
     * Stops the server (fast shutdown) but keeps its data whatever keepData says, for {@link #startAgain()}: the
     * way a database restart looks to its clients (connections dropped, then the same address answers again).
     */
    public synchronized void stopForRestart() {
        stopServer();
    }

    /** Starts the server again after {@link #stopForRestart()}, on the same port; returns how long it took. */
    public synchronized Duration startAgain() {
        if (Files.exists(dataDir.resolve("postmaster.pid"))) {
            throw new IllegalStateException("PostgreSQL on port " + port + " is still running");
        }
        return launch();
    }

    private void stopServer() {
        watchdog.disarm();
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot stop embedded PostgreSQL on port " + port, e);
        }
    }

    @Override
    public void close() {
        stop();
    }
}
