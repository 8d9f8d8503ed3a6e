package dev.carrierhub.launcher;

import dev.carrierhub.contracts.Topics;
import dev.carrierhub.contracts.shipment.ShipmentIds;
import dev.carrierhub.devstack.DevStack;
import dev.carrierhub.devstack.DevStackConfig;
import dev.carrierhub.odoo.recordings.OdooRecording;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * The webhook benchmark of docs/BENCHMARKS.md: order-intake alone, with the real Kafka and PostgreSQL and
 * an Odoo replaying the recorded reads (the recorded picking under any id), takes Odoo's recorded webhook at a fixed rate (open
 * loop), each for a picking of its own. Prints the answer latency percentiles and errors, then waits until
 * every accepted webhook's shipment.requested is on the topic and checks none came twice. Run after a build:
 * {@code ./mvnw -B -q -pl deploy/launcher exec:java -Dexec.mainClass=dev.carrierhub.launcher.WebhookBenchmarkMain
 * [-Dexec.args="<requests per second> <seconds> <Odoo read latency in ms> <warm-up seconds>"]} (default 1000 for
 * 60 s with Odoo answering in 20 ms, after a 10 s warm-up at half rate).
 */
public final class WebhookBenchmarkMain {
    private static final long FIRST_PICKING = 1_000_000;
    private static final int WARM_UP_SECONDS = 10;
    private static final Duration NO_PROGRESS_LIMIT = Duration.ofSeconds(120);

    private WebhookBenchmarkMain() {
    }

    public static void main(String[] args) {
        System.setProperty("java.util.logging.manager", "org.jboss.logmanager.LogManager");
        java.util.logging.LogManager.getLogManager();
        int perSecond = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 60;
        Duration odooLatency = Duration.ofMillis(args.length > 2 ? Long.parseLong(args[2]) : 20);
        int warmUpSeconds = args.length > 3 ? Integer.parseInt(args[3]) : WARM_UP_SECONDS;
        ProjectLayout layout = ProjectLayout.locate();
        Path workDir = layout.root().resolve("target/webhook-benchmark-" + System.currentTimeMillis());
        String token = LocalSuite.randomSecret();
        String recordedWebhook = OdooRecording.load(DemoRun.PICKING_WEBHOOK).webhookBody();
        try (DevStack stack = DevStack.start(DevStackConfig.fromEnvironment().withWorkDir(workDir.resolve("devstack")));
                ReplayingOdooServer odoo = new ReplayingOdooServer("rpc/enrich-picking.json", 11);
                OtlpTraceReceiver traces = OtlpTraceReceiver.start()) {
            TopicDefinitions.create(stack.bootstrapServers(), (short) 1);
            int port = LocalSuite.freePort();
            Map<String, String> config = PlatformSettings.of("order-intake", stack, traces);
            config.put("carrierhub.tenants." + LocalSuite.TENANT + ".webhook-token", token);
            config.put("carrierhub.tenants." + LocalSuite.TENANT + ".odoo.url", odoo.url().toString());
            config.put("carrierhub.tenants." + LocalSuite.TENANT + ".odoo.database", "odootest");
            config.put("carrierhub.tenants." + LocalSuite.TENANT + ".odoo.api-key", "replayed-odoo-needs-no-key");
            // One trace in ten is kept, as a deployment under this load would sample.
            config.put("quarkus.otel.traces.sampler", "traceidratio");
            config.put("quarkus.otel.traces.sampler.arg", "0.1");
            // The benchmark measures the intake, not its limits: the per-tenant bucket sits above the offered rate.
            config.put("carrierhub.tenants." + LocalSuite.TENANT + ".rate-limit.per-second", Integer.toString(perSecond * 4));
            config.put("carrierhub.tenants." + LocalSuite.TENANT + ".rate-limit.burst", Integer.toString(perSecond * 4));
            config.put("carrierhub.sweep.enabled", "false");
            config.put("quarkus.log.level", "WARN");
            try (ServiceProcess intake = ServiceProcess.start("order-intake", layout.runnerJar("order-intake"), port, config,
                    workDir.resolve("logs"), ServiceProcess.POD_JVM_OPTIONS)) {
                intake.awaitReady(Duration.ofMinutes(3));
                URI webhook = URI.create(intake.baseUri() + "/webhooks/odoo/" + LocalSuite.TENANT + "?token=" + token);
                run(stack, odoo, odooLatency, webhook, recordedWebhook, perSecond, seconds, warmUpSeconds, intake);
            }
        }
        // Everything is closed; the JDK HTTP client may keep an idle thread alive, which must not hold the JVM.
        System.exit(0);
    }

    /**
     * While webhooks arrive, Odoo answers at {@code odooLatency} per read, as a real one would, so processing
     * goes at Odoo's pace; afterwards at once, so that checking every shipment was published takes minutes.
     */
    private static void run(DevStack stack, ReplayingOdooServer odoo, Duration odooLatency, URI webhook,
            String recordedWebhook, int perSecond, int seconds, int warmUpSeconds, ServiceProcess intake) {
        OpenLoopLoad load = new OpenLoopLoad();
        try {
            odoo.latency(odooLatency);
            int warmUpCount = warmUpSeconds * perSecond / 2;
            OpenLoopLoad.Result warmUp = load.run(webhook, perSecond / 2, warmUpCount,
                    i -> bodyFor(recordedWebhook, FIRST_PICKING + i));
            System.out.printf("warm-up: %d webhooks at %d/s, %d errors%n", warmUpCount, perSecond / 2, warmUp.errors());
            odoo.latency(Duration.ZERO);
            awaitPublished(stack, warmUp.count(202));
            odoo.latency(odooLatency);
            long firstMeasured = FIRST_PICKING + warmUpCount;
            OpenLoopLoad.Result measured = load.run(webhook, perSecond, perSecond * seconds,
                    i -> bodyFor(recordedWebhook, firstMeasured + i));
            long loadEnded = System.nanoTime();
            odoo.latency(Duration.ZERO);
            System.out.printf("%nOdoo answering each read in %d ms during the load%n", odooLatency.toMillis());
            System.out.printf("%n| offered | achieved | webhooks | 202 | errors | p50 | p90 | p99 | p99.9 | max |%n");
            System.out.println("|---|---|---|---|---|---|---|---|---|---|");
            System.out.printf("| %d/s for %d s | %.0f/s | %d | %d | %d | %.1f ms | %.1f ms | %.1f ms | %.1f ms | %.1f ms |%n",
                    perSecond, seconds, measured.achievedPerSecond(), measured.status().length, measured.count(202),
                    measured.errors(), measured.percentileMillis(50), measured.percentileMillis(90),
                    measured.percentileMillis(99), measured.percentileMillis(99.9), measured.percentileMillis(100));
            serverSideTimes(intake);
            measured.statusCounts().forEach((status, count) -> {
                if (status != 202) {
                    System.out.printf("  status %s: %d%n", status == -1 ? "no answer" : status, count);
                }
            });
            checkPublished(stack, warmUpCount + measured.status().length, warmUp.count(202) + measured.count(202),
                    loadEnded);
            System.out.printf("order-intake resident memory after the run: %d MB%n", intake.residentKilobytes() / 1024);
        } finally {
            load.close();
        }
    }

    /** The service's own view of the webhook answers (Micrometer), to tell its time from the client's. */
    private static void serverSideTimes(ServiceProcess intake) {
        try {
            String metrics = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                    URI.create(intake.baseUri() + "/q/metrics")).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString()).body();
            metrics.lines().filter(line -> line.startsWith("http_server_requests_seconds") && line.contains("webhooks"))
                    .forEach(line -> System.out.println("  service: " + line));
        } catch (java.io.IOException e) {
            System.out.println("  service metrics unavailable: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Lets the warm-up's shipments through first, so the measured run starts without a backlog. */
    private static void awaitPublished(DevStack stack, long accepted) {
        try (PublishedEvents published = new PublishedEvents(stack.bootstrapServers(), Topics.SHIPMENT_REQUESTED)) {
            long deadline = System.nanoTime() + NO_PROGRESS_LIMIT.toNanos();
            while (published.distinctKeys() < accepted && System.nanoTime() < deadline) {
                published.poll();
            }
        }
    }

    /** Waits until every accepted webhook's shipment is on shipment.requested, and counts duplicates. */
    private static void checkPublished(DevStack stack, int sent, long accepted, long loadEnded) {
        try (PublishedEvents published = new PublishedEvents(stack.bootstrapServers(), Topics.SHIPMENT_REQUESTED)) {
            long lastProgress = System.nanoTime();
            int lastCount = -1;
            while (published.distinctKeys() < accepted
                    && System.nanoTime() - lastProgress < NO_PROGRESS_LIMIT.toNanos()) {
                published.poll();
                if (published.distinctKeys() != lastCount) {
                    lastCount = published.distinctKeys();
                    lastProgress = System.nanoTime();
                }
            }
            for (int i = 0; i < 4; i++) {
                published.poll(); // anything late, a duplicate included
            }
            long missing = 0;
            for (int i = 0; i < sent; i++) {
                if (!published.has(ShipmentIds.forPicking(LocalSuite.TENANT, FIRST_PICKING + i))) {
                    missing++;
                }
            }
            double drainSeconds = (System.nanoTime() - loadEnded) / 1e9;
            System.out.printf("accepted %d webhooks; shipment.requested published for %d of them, %d missing, "
                            + "%d published more than once; all published %.1f s after the load ended%n",
                    accepted, published.distinctKeys(), missing, published.keysSeenMoreThanOnce(), drainSeconds);
        }
    }

    /** Odoo's recorded webhook of picking 11, for another picking id (the body is otherwise as Odoo sent it). */
    static String bodyFor(String recordedWebhook, long pickingId) {
        return recordedWebhook.replace("\"_id\": 11,", "\"_id\": " + pickingId + ",")
                .replace("\"id\": 11,", "\"id\": " + pickingId + ",");
    }
}
