package dev.carrierhub.launcher;

import dev.carrierhub.contracts.Topics;
import dev.carrierhub.contracts.shipment.ShipmentIds;
import dev.carrierhub.odoo.recordings.OdooRecording;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.HdrHistogram.Histogram;

/**
 * The whole flow under load: Odoo's recorded webhook, each for a picking of its own, at a fixed rate (open
 * loop) into the whole suite (five services as pods would run them, Kafka, PostgreSQL, an Odoo answering reads
 * at once, the sandbox carrier answering at once), timed from the moment each webhook was due to the moment
 * its {@code shipment.labeled} is on the topic. With Odoo and the carrier answering at once, that time is Carrier
 * Hub's own: intake, rating, booking and the Kafka hops between them.
 *
 * <p>{@code java -cp deploy/launcher/target/classes:$(cat deploy/launcher/target/classpath.txt)
 * dev.carrierhub.launcher.WebhookToLabelBenchmarkMain [perSecond] [seconds] [warmUpSeconds]} (defaults 20, 60
 * and 30; the warm-up runs at the same rate, and is not measured).
 */
public final class WebhookToLabelBenchmarkMain {
    private WebhookToLabelBenchmarkMain() {
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("java.util.logging.manager", "org.jboss.logmanager.LogManager");
        java.util.logging.LogManager.getLogManager();
        int perSecond = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 60;
        int warmUpSeconds = args.length > 2 ? Integer.parseInt(args[2]) : 30;
        ProjectLayout layout = ProjectLayout.locate();
        Path workDir = layout.root().resolve("target/webhook-to-label-benchmark-" + System.currentTimeMillis());
        String recordedWebhook = OdooRecording.load(DemoRun.PICKING_WEBHOOK).webhookBody();
        try (ReplayingOdooServer odoo = new ReplayingOdooServer("rpc/enrich-picking.json", 11)) {
            Map<String, Map<String, String>> settings = Map.of(
                    "order-intake", Map.of("carrierhub.tenants." + LocalSuite.TENANT + ".odoo.url", odoo.url().toString(),
                            "carrierhub.sweep.enabled", "false", "quarkus.log.level", "WARN"),
                    "rate-shopping", Map.of("quarkus.log.level", "WARN"),
                    "label-service", Map.of("quarkus.log.level", "WARN"),
                    "tracking-service", Map.of("quarkus.log.level", "WARN"),
                    "billing-reconciler", Map.of("quarkus.log.level", "WARN"));
            try (LocalSuite suite = LocalSuite.start(layout, workDir, false, settings, ServiceProcess.POD_JVM_OPTIONS);
                    ShipmentOutcomeWatcher outcomes = ShipmentOutcomeWatcher.start(suite.stack().bootstrapServers(),
                            List.of(Topics.SHIPMENT_REQUESTED, Topics.SHIPMENT_RATED, Topics.SHIPMENT_LABELED,
                                    Topics.SHIPMENT_EXCEPTION));
                    OpenLoopLoad load = new OpenLoopLoad()) {
                System.out.printf("suite ready in %.1f s (pod JVM settings)%n", suite.timeToReady().toMillis() / 1000.0);
                long firstPicking = System.currentTimeMillis() % 1_000_000 * 1_000;
                run(suite, outcomes, load, recordedWebhook, firstPicking, perSecond, warmUpSeconds, "warm-up");
                print(run(suite, outcomes, load, recordedWebhook, firstPicking + 100_000, perSecond, seconds,
                        "measured"), perSecond, seconds);
                LocalSuite.SERVICES.forEach(service -> System.out.printf("%s resident memory: %d MB%n", service,
                        suite.service(service).residentKilobytes() / 1024));
            }
        }
        System.exit(0);
    }

    private static Phase run(LocalSuite suite, ShipmentOutcomeWatcher outcomes, OpenLoopLoad load, String webhook,
            long firstPicking, int perSecond, int seconds, String name) {
        int count = perSecond * seconds;
        Map<String, Long> dueNanos = new ConcurrentHashMap<>();
        OpenLoopLoad.Result answers = load.run(suite.webhookUrl(), perSecond, count, i -> {
            long picking = firstPicking + i;
            dueNanos.put(ShipmentIds.forPicking(LocalSuite.TENANT, picking), System.nanoTime());
            return WebhookBenchmarkMain.bodyFor(webhook, picking);
        });
        boolean complete = outcomes.awaitOutcomes(Set.copyOf(dueNanos.keySet()),
                List.of(Topics.SHIPMENT_LABELED, Topics.SHIPMENT_EXCEPTION), Duration.ofMinutes(5));
        System.out.printf("%s: %,d webhooks, %,d answered 202, every one labeled or excepted: %s%n", name, count,
                answers.count(202), complete);
        return new Phase(answers, dueNanos, outcomes);
    }

    private static void print(Phase phase, int perSecond, int seconds) {
        Histogram labeled = new Histogram(3);
        List<String> without = new ArrayList<>();
        phase.dueNanos().forEach((shipmentId, due) -> {
            long seen = phase.outcomes().firstSeenNanos(shipmentId, Topics.SHIPMENT_LABELED);
            if (seen < 0) {
                without.add(shipmentId);
            } else {
                labeled.recordValue(Math.max(0, (seen - due) / 1_000));
            }
        });
        System.out.printf("%n== %d webhooks/s for %d s, Odoo and the carrier answering at once%n", perSecond, seconds);
        System.out.printf("webhook answered: p50 %.1f ms, p99 %.1f ms; errors %d%n", phase.answers().percentileMillis(50),
                phase.answers().percentileMillis(99), phase.answers().errors());
        System.out.println("| ms, webhook due -> shipment.labeled on the topic | p50 | p90 | p99 | p99.9 | max |");
        System.out.println("|---|---|---|---|---|---|");
        System.out.printf("| %,d labeled | %.1f | %.1f | %.1f | %.1f | %.1f |%n", labeled.getTotalCount(),
                labeled.getValueAtPercentile(50) / 1000.0, labeled.getValueAtPercentile(90) / 1000.0,
                labeled.getValueAtPercentile(99) / 1000.0, labeled.getValueAtPercentile(99.9) / 1000.0,
                labeled.getMaxValue() / 1000.0);
        System.out.printf("without a label: %d%n", without.size());
        System.out.println("| stage, ms | p50 | p99 |");
        System.out.println("|---|---|---|");
        stage(phase, "webhook due -> shipment.requested", null, Topics.SHIPMENT_REQUESTED);
        stage(phase, "shipment.requested -> shipment.rated", Topics.SHIPMENT_REQUESTED, Topics.SHIPMENT_RATED);
        stage(phase, "shipment.rated -> shipment.labeled", Topics.SHIPMENT_RATED, Topics.SHIPMENT_LABELED);
    }

    /** Time between two points of each shipment's way, {@code from} null meaning the moment its webhook was due. */
    private static void stage(Phase phase, String name, String from, String to) {
        Histogram stage = new Histogram(3);
        phase.dueNanos().forEach((shipmentId, due) -> {
            long start = from == null ? due : phase.outcomes().firstSeenNanos(shipmentId, from);
            long end = phase.outcomes().firstSeenNanos(shipmentId, to);
            if (start > 0 && end > 0) {
                stage.recordValue(Math.max(0, (end - start) / 1_000));
            }
        });
        System.out.printf("| %s | %.1f | %.1f |%n", name, stage.getValueAtPercentile(50) / 1000.0,
                stage.getValueAtPercentile(99) / 1000.0);
    }

    private record Phase(OpenLoopLoad.Result answers, Map<String, Long> dueNanos, ShipmentOutcomeWatcher outcomes) {
    }
}
