package dev.carrierhub.launcher;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.carrierhub.carriers.BookingResult;
import dev.carrierhub.carriers.sandbox.SandboxCarrierServer;
import dev.carrierhub.carriers.sandbox.SandboxConnector;
import dev.carrierhub.carriers.sandbox.SandboxServerConfig;
import dev.carrierhub.carriers.sandbox.SandboxSettings;
import dev.carrierhub.carriers.sandbox.SandboxSignature;
import dev.carrierhub.contracts.EventType;
import dev.carrierhub.contracts.Json;
import dev.carrierhub.contracts.events.ShipmentLabeled;
import dev.carrierhub.contracts.shipment.Address;
import dev.carrierhub.contracts.shipment.Money;
import dev.carrierhub.contracts.shipment.OdooPickingRef;
import dev.carrierhub.contracts.shipment.Parcel;
import dev.carrierhub.contracts.shipment.ServiceLevel;
import dev.carrierhub.contracts.shipment.Shipment;
import dev.carrierhub.contracts.shipment.ShipmentIds;
import dev.carrierhub.contracts.shipment.Weight;
import dev.carrierhub.contracts.shipment.WeightUnit;
import dev.carrierhub.devstack.Database;
import dev.carrierhub.devstack.DevStack;
import dev.carrierhub.devstack.DevStackConfig;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.kafka.KafkaMessageFactory;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The callback benchmark of docs/BENCHMARKS.md: tracking-service alone from its packaged jar, with the real
 * Kafka and PostgreSQL and a sandbox carrier, takes signed sandbox callbacks at a fixed rate (open loop). It
 * first books {@code -Dshipments} shipments at the sandbox, publishes their {@code shipment.labeled} and
 * waits until every tracker is registered; then, after a warm-up at half the rate ({@code -Dwarmup} seconds),
 * sends the measured callbacks: each shipment's journey in order, 5 % re-deliveries of earlier callbacks.
 * Prints the answer latency, the statuses, where the CPU went, and what PostgreSQL holds afterwards. Run after
 * a build: {@code ./mvnw -B -q -pl deploy/launcher exec:java
 * -Dexec.mainClass=dev.carrierhub.launcher.TrackingCallbackBenchmarkMain -Dexec.args="<per second> <seconds>"}
 * (default 3000 for 30 s). {@code -Dservice.<key>=<value>} adds a setting to tracking-service's configuration,
 * {@code -DserviceJvm="<options>"} JVM options.
 */
public final class TrackingCallbackBenchmarkMain {
    private static final String SERVICE = "tracking-service";
    private static final String TENANT = "bench";
    private static final long FIRST_PICKING = 5_000_000;
    private static final Duration NO_PROGRESS_LIMIT = Duration.ofSeconds(60);
    private static final Address WAREHOUSE = new Address("Acme Warehouse", "Acme GmbH", "Lagerstrasse 1", null,
            "Berlin", "10115", null, "DE", null, null, false);
    private static final Address CUSTOMER = new Address("Jana Mueller", null, "Hauptstrasse 5", null, "Munich",
            "80331", "DE-BY", "DE", null, null, true);

    private TrackingCallbackBenchmarkMain() {
    }

    public static void main(String[] args) throws Exception {
        int perSecond = args.length > 0 ? Integer.parseInt(args[0]) : 3000;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 30;
        int shipments = Integer.getInteger("shipments", 6_000);
        // Long enough for the JIT to settle: after 10 s the first measured seconds still ran partly interpreted.
        int warmUpSeconds = Integer.getInteger("warmup", 40);
        ProjectLayout layout = ProjectLayout.locate();
        Path workDir = layout.root().resolve("target/tracking-callback-benchmark-" + System.currentTimeMillis());
        // The sandbox's JDK HTTP server answers without waiting for the client's delayed ACK (see RateShoppingStack).
        System.setProperty("sun.net.httpserver.nodelay", "true");
        String secret = LocalSuite.randomSecret();
        // The sandbox plays its own scripted journey after each registration; an hour's delay keeps those
        // callbacks out of the measurement, which sends every callback itself.
        SandboxServerConfig sandboxConfig = SandboxServerConfig.defaults(secret).withCallbackDelay(Duration.ofHours(1));
        int exit = 0;
        try (DevStack stack = DevStack.start(DevStackConfig.fromEnvironment().withWorkDir(workDir.resolve("devstack")));
                SandboxCarrierServer sandbox = new SandboxCarrierServer(sandboxConfig).start();
                OtlpTraceReceiver traces = OtlpTraceReceiver.start()) {
            TopicDefinitions.create(stack.bootstrapServers(), (short) 1);
            int port = LocalSuite.freePort();
            Map<String, String> config = PlatformSettings.of(SERVICE, stack, traces);
            config.put("carrierhub.carriers.accounts.sandbox.type", "sandbox");
            config.put("carrierhub.carriers.accounts.sandbox.base-url", sandbox.baseUri().toString());
            config.put("carrierhub.carriers.accounts.sandbox.webhook-secret", secret);
            config.put("carrierhub.tracking.public-url", "http://127.0.0.1:" + port);
            // One trace in ten is kept, as a deployment under this load would sample.
            config.put("quarkus.otel.traces.sampler", "traceidratio");
            config.put("quarkus.otel.traces.sampler.arg", "0.1");
            config.put("quarkus.log.level", "WARN");
            config.putAll(serviceOverrides());
            // -DserviceJvm="..." adds JVM options, e.g. a flight recording of where the service's time goes.
            List<String> jvm = new ArrayList<>(ServiceProcess.POD_JVM_OPTIONS);
            String extraJvm = System.getProperty("serviceJvm", "").trim();
            if (!extraJvm.isEmpty()) {
                jvm.addAll(List.of(extraJvm.split("\\s+")));
            }
            try (ServiceProcess service = ServiceProcess.start(SERVICE, layout.runnerJar(SERVICE), port, config,
                    workDir.resolve("logs"), jvm)) {
                service.awaitReady(Duration.ofMinutes(3));
                System.out.printf("tracking-service ready in %.1f s; settings added: %s%n",
                        service.timeToReady().toMillis() / 1000.0, serviceOverrides());
                Database db = stack.database(SERVICE.replace('-', '_'));
                List<String> trackingNumbers = seed(stack, sandbox, service, db, shipments);
                exit = run(service, db, secret, trackingNumbers, perSecond, seconds, warmUpSeconds) ? 0 : 1;
            }
        }
        // Everything is closed; the JDK HTTP client may keep an idle thread alive, which must not hold the JVM.
        System.exit(exit);
    }

    /** {@code -Dservice.<key>=<value>}: tracking-service settings to try, as a chart's values would set them. */
    private static Map<String, String> serviceOverrides() {
        Map<String, String> overrides = new TreeMap<>();
        System.getProperties().stringPropertyNames().stream().filter(name -> name.startsWith("service."))
                .forEach(name -> overrides.put(name.substring("service.".length()), System.getProperty(name)));
        return overrides;
    }

    /**
     * Books each shipment at the sandbox (only its own tracking numbers can be registered there), publishes its
     * {@code shipment.labeled} as label-service's relay does, and waits until every tracker is registered.
     */
    private static List<String> seed(DevStack stack, SandboxCarrierServer sandbox, ServiceProcess service,
            Database db, int shipments) throws Exception {
        long started = System.nanoTime();
        SandboxConnector connector = new SandboxConnector(new SandboxSettings(sandbox.baseUri(), null,
                Duration.ofSeconds(10)));
        Semaphore inFlight = new Semaphore(16);
        List<CompletableFuture<BookingResult>> bookings = new ArrayList<>();
        for (int i = 0; i < shipments; i++) {
            inFlight.acquire();
            long picking = FIRST_PICKING + i;
            bookings.add(connector.ship(shipment(picking), "SBX_STANDARD", "bench-" + picking).toCompletableFuture()
                    .whenComplete((booked, failure) -> inFlight.release()));
        }
        List<String> trackingNumbers = new ArrayList<>();
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.LINGER_MS_CONFIG, 5), new StringSerializer(), new ByteArraySerializer())) {
            for (int i = 0; i < shipments; i++) {
                BookingResult booked = bookings.get(i).get(30, TimeUnit.SECONDS);
                long picking = FIRST_PICKING + i;
                String shipmentId = ShipmentIds.forPicking(TENANT, picking);
                trackingNumbers.add(booked.trackingNumber());
                producer.send(labeledRecord(new ShipmentLabeled(shipmentId,
                        new OdooPickingRef(TENANT, picking, "WH/OUT/" + picking, "S" + picking), "sandbox",
                        "SBX_STANDARD", booked.carrierShipmentId(), booked.trackingNumber(), booked.price(),
                        booked.price(), List.of(), Instant.now())));
            }
            producer.flush();
        }
        System.out.printf("booked %d shipments at the sandbox and published their shipment.labeled in %.1f s%n",
                shipments, (System.nanoTime() - started) / 1e9);
        long registered = awaitCount(db, "select count(*) from tracker where registration = 'REGISTERED'", shipments);
        HttpResponse<String> tracking = HttpClient.newHttpClient().send(HttpRequest.newBuilder(service.baseUri()
                .resolve("/shipments/" + ShipmentIds.forPicking(TENANT, FIRST_PICKING + shipments - 1) + "/tracking"))
                .build(), HttpResponse.BodyHandlers.ofString());
        System.out.printf("trackers registered: %d of %d after %.1f s; GET /shipments/{last}/tracking -> %d%n",
                registered, shipments, (System.nanoTime() - started) / 1e9, tracking.statusCode());
        if (registered < shipments || tracking.statusCode() != 200) {
            throw new IllegalStateException("the trackers were not all registered:\n" + service.logTail());
        }
        return trackingNumbers;
    }

    private static boolean run(ServiceProcess service, Database db, String secret, List<String> trackingNumbers,
            int perSecond, int seconds, int warmUpSeconds) throws SQLException {
        URI callbacks = service.baseUri().resolve("/callbacks/sandbox");
        int warmUpCount = warmUpSeconds * perSecond / 2;
        int measuredCount = perSecond * seconds;
        TrackingCallbackPlan plan = new TrackingCallbackPlan(trackingNumbers, warmUpCount + measuredCount, perSecond);
        OpenLoopLoad load = new OpenLoopLoad();
        try {
            long accepted = 0;
            if (warmUpCount > 0) {
                OpenLoopLoad.Result warmUp = load.run(Math.max(1, perSecond / 2), warmUpCount,
                        i -> signed(callbacks, secret, plan.body(i)));
                System.out.printf("warm-up: %d callbacks at %d/s, %d not 202, p99 %.1f ms%n", warmUpCount,
                        perSecond / 2, warmUp.errors(), warmUp.percentileMillis(99));
                accepted += warmUp.count(202);
                pause(Duration.ofSeconds(2));
            }
            String loadAverage = loadAverage();
            CpuTimes before = CpuTimes.read(service.pid());
            OpenLoopLoad.Result measured = load.run(perSecond, measuredCount,
                    i -> signed(callbacks, secret, plan.body(warmUpCount + i)));
            CpuTimes after = CpuTimes.read(service.pid());
            report(plan, warmUpCount, measured, perSecond, seconds, loadAverage, before, after);
            serverSideTimes(service);
            // Answered means stored; the events join the histories right after. Wait until every stored callback
            // is applied, and say how long that took after the load ended.
            long answered = accepted + measured.count(202);
            long loadEnded = System.nanoTime();
            long applied = awaitCount(db, "select count(*) from tracking_callback where outcome <> 'RECEIVED'", answered);
            double behind = (System.nanoTime() - loadEnded) / 1e9;
            System.out.printf("applied: %d of %d stored callbacks, the last %.1f s after the load ended (%.0f applied/s"
                    + " over the run and the drain)%n", applied, answered, behind,
                    (measuredCount) / (seconds + behind));
            return stored(db, plan, answered);
        } finally {
            load.close();
        }
    }

    private static void report(TrackingCallbackPlan plan, int warmUpCount, OpenLoopLoad.Result measured,
            int perSecond, int seconds, String loadAverage, CpuTimes before, CpuTimes after) {
        Histogram micros = new Histogram(3);
        for (long latency : measured.latencyMicros()) {
            micros.recordValue(Math.max(0, latency));
        }
        int duplicates = 0;
        for (int i = warmUpCount; i < plan.total(); i++) {
            duplicates += plan.isDuplicate(i) ? 1 : 0;
        }
        System.out.printf("%nload average before the measured run: %s; during it: %s%n", loadAverage, loadAverage());
        System.out.printf("%n| offered | sent (driver) | answered | callbacks | of them re-deliveries | 202 | other |"
                + " p50 | p95 | p99 | p99.9 | max |%n");
        System.out.println("|---|---|---|---|---|---|---|---|---|---|---|---|");
        System.out.printf("| %d/s for %d s | %.0f/s | %.0f/s | %d | %d | %d | %d | %.1f ms | %.1f ms | %.1f ms |"
                        + " %.1f ms | %.1f ms |%n",
                perSecond, seconds, measured.sentPerSecond(), measured.achievedPerSecond(), measured.status().length,
                duplicates, measured.count(202), measured.errors(), ms(micros.getValueAtPercentile(50)),
                ms(micros.getValueAtPercentile(95)), ms(micros.getValueAtPercentile(99)),
                ms(micros.getValueAtPercentile(99.9)), ms(micros.getMaxValue()));
        System.out.printf("driver: handed the last callback to the client %.2f s after the first (schedule %.2f s),"
                        + " at most %.1f ms behind schedule%n", measured.sending().toNanos() / 1e9,
                (measured.status().length - 1) / (double) perSecond, measured.maxSendLag().toNanos() / 1e6);
        measured.statusCounts().forEach((status, count) -> {
            if (status != 202) {
                System.out.printf("  status %s: %d%n", status == -1 ? "no answer" : status, count);
            }
        });
        after.printSince(before);
    }

    /**
     * What PostgreSQL holds at the end: every callback answered 202 is a {@code tracking_callback} row, every
     * distinct event one {@code tracking_event} row, and every journey whose delivery was sent ends delivered.
     */
    private static boolean stored(Database db, TrackingCallbackPlan plan, long accepted) {
        try (Connection connection = DriverManager.getConnection(db.jdbcUrl(), db.username(), db.password());
                Statement sql = connection.createStatement()) {
            long callbackRows = single(sql, "select count(*) from tracking_callback");
            long eventRows = single(sql, "select count(*) from tracking_event");
            long delivered = single(sql, "select count(*) from tracker where milestone = 'DELIVERED'");
            Map<String, Long> outcomes = new TreeMap<>();
            try (ResultSet rows = sql.executeQuery("select outcome, count(*) from tracking_callback group by outcome")) {
                while (rows.next()) {
                    outcomes.put(rows.getString(1), rows.getLong(2));
                }
            }
            long outboxed = single(sql, "select count(*) from outbox_event");
            boolean complete = callbackRows == plan.total() && eventRows == plan.uniqueEvents()
                    && delivered == plan.deliveries() && outcomes.getOrDefault("DUPLICATE", 0L) == plan.duplicates();
            System.out.printf("%nstored (warm-up and measured run together, %d answered 202): tracking_callback %d of %d sent %s,"
                            + " tracking_event %d of %d distinct events, trackers DELIVERED %d of %d, outbox_event %d"
                            + " -> %s%n", accepted, callbackRows, plan.total(), outcomes, eventRows, plan.uniqueEvents(), delivered,
                    plan.deliveries(), outboxed, complete ? "all stored, duplicates once" : "NOT as expected");
            return complete;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot count the stored callbacks", e);
        }
    }

    /** The callback as the sandbox would push it: signed when it is sent. */
    private static OutgoingPost signed(URI callbacks, String secret, byte[] body) {
        return new OutgoingPost(callbacks, Map.of("Content-Type", "application/json",
                "User-Agent", "SandboxCarrier/1",
                SandboxSignature.HEADER, SandboxSignature.sign(secret, Instant.now().getEpochSecond(), body)), body);
    }

    private static long awaitCount(Database db, String query, long wanted) throws SQLException {
        try (Connection connection = DriverManager.getConnection(db.jdbcUrl(), db.username(), db.password());
                Statement sql = connection.createStatement()) {
            long count = single(sql, query);
            long lastProgress = System.nanoTime();
            while (count < wanted && System.nanoTime() - lastProgress < NO_PROGRESS_LIMIT.toNanos()) {
                pause(Duration.ofMillis(500));
                long now = single(sql, query);
                if (now != count) {
                    lastProgress = System.nanoTime();
                    count = now;
                }
            }
            return count;
        }
    }

    private static long single(Statement sql, String query) throws SQLException {
        try (ResultSet rows = sql.executeQuery(query)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    /** The service's own view of the callback answers (Micrometer), to tell its time from the client's. */
    private static void serverSideTimes(ServiceProcess service) {
        try {
            String metrics = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    service.baseUri().resolve("/q/metrics")).build(), HttpResponse.BodyHandlers.ofString()).body();
            metrics.lines().filter(line -> line.startsWith("http_server_requests_seconds") && line.contains("callbacks"))
                    .forEach(line -> System.out.println("  service: " + line));
        } catch (IOException e) {
            System.out.println("  service metrics unavailable: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Shipment shipment(long picking) {
        return new Shipment(ShipmentIds.forPicking(TENANT, picking),
                new OdooPickingRef(TENANT, picking, "WH/OUT/" + picking, "S" + picking), WAREHOUSE, CUSTOMER,
                List.of(new Parcel("P1", new Weight(new BigDecimal("1.5"), WeightUnit.KG), null, null)),
                Money.of("50.00", "EUR"), ServiceLevel.STANDARD, List.of(), false, null);
    }

    private static org.apache.kafka.clients.producer.ProducerRecord<String, byte[]> labeledRecord(
            ShipmentLabeled labeled) {
        EventType type = EventType.of(ShipmentLabeled.class);
        byte[] data;
        try {
            data = Json.mapper().writeValueAsBytes(labeled);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a shipment.labeled payload always serialises", e);
        }
        var event = CloudEventBuilder.v1().withId(UUID.randomUUID().toString()).withType(type.ceType())
                .withSource(URI.create("/carrierhub/tracking-benchmark")).withSubject(labeled.shipmentId())
                .withTime(OffsetDateTime.now(ZoneOffset.UTC)).withDataContentType("application/json").withData(data)
                .build();
        return KafkaMessageFactory.createWriter(type.topic(), labeled.shipmentId()).writeBinary(event);
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static double ms(long micros) {
        return micros / 1000.0;
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * CPU time of the machine, of this JVM (the load driver), of tracking-service and of the other processes
     * this JVM started (Kafka, PostgreSQL), from {@code /proc}, in clock ticks of 10 ms.
     */
    private record CpuTimes(long nanos, long machineBusy, long machineTotal, long driverNanos, long service,
            Map<String, Long> children) {
        private static final double TICK_NANOS = 10_000_000;

        static CpuTimes read(long servicePid) {
            long machineBusy = 0;
            long machineTotal = 0;
            try {
                String[] cpu = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
                for (int i = 1; i < cpu.length && i <= 8; i++) {
                    long value = Long.parseLong(cpu[i]);
                    machineTotal += value;
                    if (i != 4 && i != 5) { // idle, iowait
                        machineBusy += value;
                    }
                }
            } catch (IOException | RuntimeException e) {
                // figures stay 0: reported as unknown
            }
            Map<String, Long> children = new HashMap<>();
            ProcessHandle.current().descendants().filter(p -> p.pid() != servicePid).forEach(p -> {
                String[] stat = stat(p.pid());
                if (stat != null) {
                    children.merge(stat[0], Long.parseLong(stat[12]) + Long.parseLong(stat[13]), Long::sum);
                }
            });
            String[] serviceStat = stat(servicePid);
            long service = serviceStat == null ? 0 : Long.parseLong(serviceStat[12]) + Long.parseLong(serviceStat[13]);
            long driver = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                    .getProcessCpuTime();
            return new CpuTimes(System.nanoTime(), machineBusy, machineTotal, driver, service, children);
        }

        /** The fields of {@code /proc/<pid>/stat} after the command, the command (in brackets) first. */
        private static String[] stat(long pid) {
            try {
                String text = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
                int open = text.indexOf('(');
                int close = text.lastIndexOf(')');
                String[] rest = text.substring(close + 2).split(" ");
                String[] fields = new String[rest.length + 1];
                fields[0] = text.substring(open + 1, close);
                System.arraycopy(rest, 0, fields, 1, rest.length);
                // fields[12] and [13] are utime and stime (stat fields 14 and 15).
                return fields;
            } catch (IOException | RuntimeException e) {
                return null;
            }
        }

        void printSince(CpuTimes before) {
            double wallNanos = nanos - before.nanos;
            int processors = Runtime.getRuntime().availableProcessors();
            long total = machineTotal - before.machineTotal;
            double machine = total == 0 ? 0 : processors * (double) (machineBusy - before.machineBusy) / total;
            System.out.printf("CPU during the measured run, in cores of %d: machine %.2f busy (every process, other"
                            + " builds included), tracking-service %.2f, load driver JVM %.2f", processors, machine,
                    (service - before.service) * TICK_NANOS / wallNanos, (driverNanos - before.driverNanos) / wallNanos);
            children.forEach((name, ticks) -> System.out.printf(", %s %.2f", name,
                    (ticks - before.children.getOrDefault(name, 0L)) * TICK_NANOS / wallNanos));
            System.out.println();
        }
    }
}
