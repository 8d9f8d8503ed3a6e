package dev.carrierhub.launcher;

import dev.carrierhub.contracts.Json;
import dev.carrierhub.contracts.events.ShipmentRequested;
import dev.carrierhub.devstack.Database;
import dev.carrierhub.devstack.DevStack;
import dev.carrierhub.devstack.DevStackConfig;
import java.net.URI;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.tools.ProducerPerformance;

/**
 * What this machine can do at all, so the services' figures read as a share of it: Kafka's own producer
 * performance tool at the size of a {@code shipment.requested} event, PostgreSQL inserting rows of the outbox's
 * shape one transaction each (as a webhook is stored) and a hundred a transaction (as a batch), and a Quarkus
 * service's HTTP stack answering the load driver with nothing behind it.
 *
 * <p>{@code java -cp deploy/launcher/target/classes:$(cat deploy/launcher/target/classpath.txt)
 * dev.carrierhub.launcher.CeilingsBenchmarkMain}
 */
public final class CeilingsBenchmarkMain {
    private static final int KAFKA_RECORDS = 200_000;
    private static final int SINGLE_ROWS = 20_000;
    private static final int BATCHED_ROWS = 200_000;
    private static final int HTTP_RATE = 1_500;
    private static final int HTTP_SECONDS = 30;

    private CeilingsBenchmarkMain() {
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("java.util.logging.manager", "org.jboss.logmanager.LogManager");
        ProjectLayout layout = ProjectLayout.locate();
        Path workDir = layout.root().resolve("target/ceilings-benchmark-" + System.currentTimeMillis());
        byte[] event = Json.mapper().writeValueAsBytes(new ShipmentRequested(LabelLoad.shipment("bench", 1), Instant.now()));
        try (DevStack stack = DevStack.start(DevStackConfig.fromEnvironment().withWorkDir(workDir.resolve("devstack")));
                OtlpTraceReceiver traces = OtlpTraceReceiver.start()) {
            kafka(stack, event.length);
            postgres(stack.database("ceilings"), event);
            http(layout, workDir, stack, traces);
        }
        System.exit(0);
    }

    private static void kafka(DevStack stack, int recordSize) throws Exception {
        System.out.printf("%n== Kafka: kafka-producer-perf-test, %,d records of %,d bytes (a shipment.requested),"
                + " acks=all, as fast as it goes%n", KAFKA_RECORDS, recordSize);
        ProducerPerformance.main(new String[] {"--topic", "ceiling-" + UUID.randomUUID(), "--num-records",
                Integer.toString(KAFKA_RECORDS), "--record-size", Integer.toString(recordSize), "--throughput", "-1",
                "--producer-props", "bootstrap.servers=" + stack.bootstrapServers(), "acks=all", "linger.ms=1"});
    }

    private static void postgres(Database db, byte[] payload) throws SQLException {
        String json = new String(payload, java.nio.charset.StandardCharsets.UTF_8);
        try (Connection connection = DriverManager.getConnection(db.jdbcUrl(), db.username(), db.password())) {
            try (Statement ddl = connection.createStatement()) {
                ddl.execute("""
                        create table if not exists ceiling_outbox (seq bigserial primary key, id uuid not null unique,
                            topic varchar(200) not null, ce_type varchar(200) not null, subject varchar(200) not null,
                            occurred_at timestamptz not null, payload text not null, published_at timestamptz)""");
            }
            System.out.printf("%n== PostgreSQL: rows of the outbox's shape (%,d-byte payload)%n", payload.length);
            connection.setAutoCommit(true);
            long started = System.nanoTime();
            try (PreparedStatement insert = insert(connection)) {
                for (int i = 0; i < SINGLE_ROWS; i++) {
                    bind(insert, json);
                    insert.executeUpdate();
                }
            }
            report("one row per transaction", SINGLE_ROWS, started);
            connection.setAutoCommit(false);
            started = System.nanoTime();
            try (PreparedStatement insert = insert(connection)) {
                for (int i = 1; i <= BATCHED_ROWS; i++) {
                    bind(insert, json);
                    insert.addBatch();
                    if (i % 100 == 0) {
                        insert.executeBatch();
                        connection.commit();
                    }
                }
            }
            report("100 rows per transaction", BATCHED_ROWS, started);
        }
    }

    private static PreparedStatement insert(Connection connection) throws SQLException {
        return connection.prepareStatement("insert into ceiling_outbox (id, topic, ce_type, subject, occurred_at, payload)"
                + " values (?, 'shipment.requested', 'dev.carrierhub.shipment.requested.v1', ?, ?, ?)");
    }

    private static void bind(PreparedStatement insert, String json) throws SQLException {
        UUID id = UUID.randomUUID();
        insert.setObject(1, id);
        insert.setString(2, id.toString());
        insert.setTimestamp(3, Timestamp.from(Instant.now()));
        insert.setString(4, json);
    }

    private static void report(String what, int rows, long startedNanos) {
        double seconds = (System.nanoTime() - startedNanos) / 1e9;
        System.out.printf("%s: %,d rows in %.1f s -> %,.0f rows/s%n", what, rows, seconds, rows / seconds);
    }

    /** billing-reconciler's HTTP stack answering its liveness check (a POST answers like a GET): no database, no Kafka. */
    private static void http(ProjectLayout layout, Path workDir, DevStack stack, OtlpTraceReceiver traces) {
        Map<String, String> config = PlatformSettings.of("billing-reconciler", stack, traces);
        config.put("quarkus.log.level", "WARN");
        try (ServiceProcess service = ServiceProcess.start("billing-reconciler", layout.runnerJar("billing-reconciler"),
                LocalSuite.freePort(), config, workDir.resolve("logs"), ServiceProcess.POD_JVM_OPTIONS);
                OpenLoopLoad load = new OpenLoopLoad()) {
            service.awaitReady(Duration.ofMinutes(3));
            URI trivial = service.baseUri().resolve("/q/health/live");
            load.run(trivial, HTTP_RATE, HTTP_RATE * 10, i -> "{}");
            OpenLoopLoad.Result result = load.run(trivial, HTTP_RATE, HTTP_RATE * HTTP_SECONDS, i -> "{}");
            System.out.printf("%n== Quarkus HTTP, same load driver as the webhook benchmark: %,d POSTs/s offered for %d s"
                            + " to a path with nothing behind it (after a 10 s warm-up)%n", HTTP_RATE, HTTP_SECONDS);
            System.out.printf("achieved %,.0f/s; answers %s; p50 %.1f ms, p99 %.1f ms, p99.9 %.1f ms%n",
                    result.achievedPerSecond(), result.statusCounts(), result.percentileMillis(50),
                    result.percentileMillis(99), result.percentileMillis(99.9));
        }
    }
}
