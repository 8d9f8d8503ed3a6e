package dev.carrierhub.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Collectors;
import org.HdrHistogram.Histogram;

/**
 * The label-service benchmark of docs/BENCHMARKS.md: label-service alone from its packaged jar, with the real
 * Kafka and PostgreSQL and the sandbox carrier answering each call after a set latency, takes
 * {@code shipment.rated} at a fixed rate (open loop), each for a shipment of its own. Prints the labels per
 * second it sustained, the latency from each rated event to its {@code shipment.labeled}, the overhead beyond
 * the carrier's latency, errors, where the CPU went, and whether every shipment was booked and labeled exactly
 * once. Run after a build:
 * {@code ./mvnw -B -q -pl deploy/launcher exec:java -Dexec.mainClass=dev.carrierhub.launcher.LabelBenchmarkMain
 * -Dexec.args="<rated per second> <seconds> <carrier latency in ms>"} (default 120 60 50, after a 120 s warm-up at
 * the same rate; {@code -Dwarmup=<seconds>} changes it, {@code -Dlabel-service.<key>=<value>} sets label-service).
 */
public final class LabelBenchmarkMain {
    /** The goal of the issue: labels per second sustained against the sandbox at 50 ms. */
    static final int GOAL_PER_SECOND = 100;

    private LabelBenchmarkMain() {
    }

    public static void main(String[] args) {
        int perSecond = args.length > 0 ? Integer.parseInt(args[0]) : 120;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 60;
        Duration latency = Duration.ofMillis(args.length > 2 ? Long.parseLong(args[2]) : 50);
        int warmup = Integer.getInteger("warmup", 120);
        int status = 0;
        try {
            run(perSecond, seconds, latency, warmup);
        } catch (RuntimeException e) {
            e.printStackTrace();
            status = 1;
        }
        // Everything is closed; the JDK HTTP client may keep an idle thread alive, which must not hold the JVM.
        System.exit(status);
    }

    private static void run(int perSecond, int seconds, Duration latency, int warmup) {
        ProjectLayout layout = ProjectLayout.locate();
        Path workDir = layout.root().resolve("target/label-benchmark-" + System.currentTimeMillis());
        // Other work on the machine, e.g. a build in another container, is not always a process we can see.
        CpuUsage idleBefore = CpuUsage.read(Map.of());
        LockSupport.parkNanos(Duration.ofSeconds(3).toNanos());
        System.out.printf("machine: %d cores, busy %.2f cores in the 3 s before the start, load average %s, other JVMs"
                        + " running: %d%n", Runtime.getRuntime().availableProcessors(),
                CpuUsage.read(Map.of()).machineCoresSince(idleBefore), loadAverage(), otherJvms());
        try (LabelServiceStack stack = LabelServiceStack.start(layout, workDir, latency);
                LabelLoad load = new LabelLoad(stack, latency)) {
            System.out.printf("label-service ready in %.1f s (-Xmx512m, full JIT); log %s%n",
                    stack.service().timeToReady().toMillis() / 1000.0, stack.service().logFile());
            System.out.printf("sandbox carrier answers every call after %d ms; carrier account '%s': no rate limit, "
                            + "bulkhead %d calls, so label-service's own settings bound the run%n", latency.toMillis(),
                    LabelServiceStack.CARRIER, LabelServiceStack.ACCOUNT_MAX_CONCURRENT);
            System.out.printf("label-service settings: %s%n", stack.settings().isEmpty()
                    ? "its defaults (label-service/README.md, Configuration)"
                    : "its defaults, and " + stack.settings());
            if (warmup > 0) {
                // The JIT, the pools and the consumer group settle here; the measured run starts without a backlog.
                // With the full JIT on two cores, C2 still takes a third of a core a minute after the start.
                LabelLoad.Phase warm = load.run("warm-up", perSecond, warmup);
                System.out.printf("warm-up: %d shipments in %d s, %d labeled, %.1f labels/s first due to last labeled, "
                        + "end to end p99 %.1f ms (not reported further)%n", warm.shipments(), warmup, warm.labeled(),
                        warm.overallPerSecond(), ms(warm.endToEnd().getValueAtPercentile(99)));
            }
            LabelLoad.Phase phase = load.run("measured", perSecond, seconds);
            print(phase, latency, stack.service().residentKilobytes());
            LabelLoad.Delivery delivery = load.delivery(Duration.ofSeconds(3));
            print(delivery);
            // At the goal's own rate a run cannot sustain more than it is offered: it meets the goal by keeping up.
            boolean keptUp = phase.keptUp();
            System.out.printf("%nKept up with %d/s: %s (%.1f labels/s sustained, %d not yet labeled when the load "
                            + "ended)%n", perSecond, keptUp ? "yes" : "NO", phase.sustainedPerSecond(),
                    phase.backlogAtLoadEnd());
            if (latency.toMillis() == 50 && perSecond >= GOAL_PER_SECOND) {
                boolean met = keptUp && delivery.exactlyOnce();
                java.util.List<String> shortfalls = new java.util.ArrayList<>();
                if (!keptUp) {
                    shortfalls.add("did not keep up with " + perSecond + "/s");
                }
                if (!delivery.exactlyOnce()) {
                    shortfalls.add("NOT exactly once");
                }
                // A run above the goal's rate that falls behind says where the ceiling is, not that the goal failed.
                System.out.printf("Goal, >= %d labels/s sustained at 50 ms carrier latency: %s%n", GOAL_PER_SECOND,
                        met ? "MET, kept up with " + perSecond + "/s exactly once"
                                : "not shown by this run (" + String.join(", ", shortfalls) + ")");
            }
        }
    }

    private static void print(LabelLoad.Phase phase, Duration latency, long residentKilobytes) {
        System.out.printf("%n== %d shipment.rated/s for %d s, carrier latency %d ms: %d shipments ==%n",
                phase.perSecond(), phase.seconds(), latency.toMillis(), phase.shipments());
        System.out.printf("sender at most %.1f ms behind its schedule%n", phase.sendLagMax().toNanos() / 1e6);
        System.out.printf("labels/s sustained (shipment.labeled seen from %d s into the load to its end): %.1f%n",
                LabelLoad.STEADY_AFTER.toSeconds(), phase.sustainedPerSecond());
        System.out.printf("labels/s in each 10 s of the load: %s%n", java.util.Arrays.stream(phase.perTenSeconds())
                .mapToObj(v -> String.format("%.1f", v)).collect(Collectors.joining(" ")));
        System.out.printf("labeled %d of %d; first due to last labeled %.1f s (%.1f labels/s); not yet labeled when "
                        + "the load ended: %d; last label %.1f s after the load ended%n", phase.labeled(),
                phase.shipments(), phase.firstDueToLastLabeled().toMillis() / 1000.0, phase.overallPerSecond(),
                phase.backlogAtLoadEnd(), phase.drainAfterLoad().toMillis() / 1000.0);
        System.out.println("| ms | p50 | p95 | p99 | max |");
        System.out.println("|---|---|---|---|---|");
        System.out.println(row("end to end: rated due -> labeled seen", phase.endToEnd()));
        System.out.println(row("overhead: end to end - " + latency.toMillis() + " ms carrier latency (upper bound)",
                phase.overhead()));
        for (int s = 0; s < LabelTimeline.STAGES.size(); s++) {
            System.out.println(row(LabelTimeline.STAGES.get(s), phase.stages()[s]));
        }
        if (phase.belowCarrierLatency() > 0) {
            System.out.printf("WARNING: %d labels came sooner than the carrier's latency%n",
                    phase.belowCarrierLatency());
        }
        System.out.printf("Overhead is all but the sandbox's set wait, per shipment: the Kafka hop in, the idempotent"
                + " consumer's transaction, the worker's claim transaction, both ends of the HTTP call (label-service's"
                + " client and connector, and the sandbox's own routing, PDF label and answer), the settling"
                + " transaction, the outbox relay's publish and the hop out. The sandbox's own work counts in it, so it"
                + " is an upper bound of label-service's overhead. The four stages below it come from label-service's"
                + " own rows (booking.created_at, booking.booked_at, outbox_event.published_at); a stage's percentiles"
                + " do not add up to the end to end's.%n");

        PrometheusSamples before = phase.before();
        PrometheusSamples after = phase.after();
        double stored = after.since(before, "carrierhub_label_rated_to_labeled_seconds_count");
        double storedSeconds = after.since(before, "carrierhub_label_rated_to_labeled_seconds_sum");
        double ships = after.since(before, "carrierhub_carrier_calls_seconds_count", "operation=ship",
                "outcome=success");
        double shipSeconds = after.since(before, "carrierhub_carrier_calls_seconds_sum", "operation=ship",
                "outcome=success");
        double storedMean = stored == 0 ? 0 : storedSeconds / stored * 1000;
        double shipMean = ships == 0 ? 0 : shipSeconds / ships * 1000;
        System.out.printf("label-service's own timers over the run: rated -> label stored %.0f, mean %.1f ms; ship"
                        + " calls %.0f, mean %.1f ms; mean in-service overhead, carrier call excluded: %.1f ms (means"
                        + " subtract, percentiles do not; these timers have no buckets)%n",
                stored, storedMean, ships, shipMean, storedMean - shipMean);
        double waits = after.since(before, "sql_pool_queue_delay_seconds_count");
        double waitedMs = waits == 0 ? 0 : after.since(before, "sql_pool_queue_delay_seconds_sum") / waits * 1000;
        double held = after.since(before, "sql_pool_usage_seconds_count");
        double heldMs = held == 0 ? 0 : after.since(before, "sql_pool_usage_seconds_sum") / held * 1000;
        System.out.printf("reactive pool: %.0f connections taken, each waited for %.2f ms and was held %.1f ms on "
                + "average%n", waits, waitedMs, heldMs);
        System.out.printf("errors: %d shipment.exception, %d label.deferred, %d dead letters; carrier attempts other"
                        + " than booked: %s; look-ups by key: %.0f; bookings failed: %.0f; fallbacks: %.0f%n",
                phase.withException(), phase.deferred(), phase.deadLettered(), otherAttempts(before, after),
                after.since(before, "carrierhub_carrier_calls_seconds_count", "operation=find-booking"),
                after.since(before, "carrierhub_label_bookings_total", "outcome=failed"),
                after.since(before, "carrierhub_label_fallbacks_total"));
        System.out.printf("account limits hit: bulkhead %.0f, rate limit %.0f, breaker %.0f; call timeouts %.0f%n",
                after.since(before, "carrierhub_carrier_bulkhead_rejections_total"),
                after.since(before, "carrierhub_carrier_rate_limit_rejections_total"),
                after.since(before, "carrierhub_carrier_breaker_rejections_total"),
                after.since(before, "carrierhub_carrier_timeouts_total"));
        System.out.printf("sampled each second: %s, %s, %s%n",
                gauge(phase, LabelLoad.GaugeSampler.CARRIER_CALLS_IN_FLIGHT, "carrier calls in flight"),
                gauge(phase, LabelLoad.GaugeSampler.CONNECTIONS_IN_USE, "PostgreSQL connections in use"),
                gauge(phase, LabelLoad.GaugeSampler.WAITING_FOR_A_CONNECTION, "requests waiting for a connection"));
        Map<String, Double> cores = phase.cpuAfter().coresByNameSince(phase.cpuBefore());
        double machine = phase.cpuAfter().machineCoresSince(phase.cpuBefore());
        double ours = cores.values().stream().mapToDouble(Double::doubleValue).sum();
        String byProcess = cores.entrySet().stream().filter(e -> e.getValue() >= 0.005)
                .map(e -> String.format("%s %.2f", e.getKey(), e.getValue())).collect(Collectors.joining(", "));
        System.out.printf("CPU while the load ran, in cores of %d: machine %.2f = %s, anything else %.2f (the kernel,"
                        + " short-lived processes such as PostgreSQL's autovacuum workers, other processes)%n",
                Runtime.getRuntime().availableProcessors(), machine, byProcess, Math.max(0, machine - ours));
        System.out.printf("label-service's busiest threads, in cores: %s%n", String.join(", ", phase.busiestThreads()));
        System.out.printf("label-service resident memory: %d MB%n", residentKilobytes / 1024);
    }

    private static String gauge(LabelLoad.Phase phase, String name, String what) {
        LabelLoad.GaugeSampler.Summary gauge = phase.gauges().get(name);
        return String.format("%s mean %.1f, median %d, max %d (%d samples)", what, gauge.mean(), gauge.median(),
                gauge.max(), gauge.samples());
    }

    private static String otherAttempts(PrometheusSamples before, PrometheusSamples after) {
        Map<String, Long> others = new java.util.TreeMap<>();
        for (PrometheusSamples.Sample sample : after.samples()) {
            String outcome = sample.labels().get("outcome");
            if (sample.name().equals("carrierhub_label_attempts_total") && !"booked".equals(outcome)) {
                long grew = Math.round(after.since(before, sample.name(), "outcome=" + outcome));
                if (grew > 0) {
                    others.merge(outcome, grew, Long::sum);
                }
            }
        }
        return others.isEmpty() ? "none" : others.toString();
    }

    private static void print(LabelLoad.Delivery delivery) {
        System.out.printf("%nDelivery, warm-up included: %d rated, %d labeled exactly once, %d missing, %d labeled "
                        + "more than once, %d unexpected, %d with shipment.exception, %d deferred -> %s%n",
                delivery.sent(), delivery.labeledOnce(), delivery.missing(), delivery.labeledMoreThanOnce(),
                delivery.unexpected(), delivery.withException(), delivery.deferred(),
                delivery.exactlyOnce() ? "exactly once" : "NOT exactly once");
        System.out.printf("Sandbox: %d bookings for %d shipments, %d booking requests, %d idempotency keys booked by "
                        + "more than one call, %d look-ups by key%n", delivery.sandboxBookings(), delivery.sent(),
                delivery.sandboxBookingRequests(), delivery.keysShippedMoreThanOnce(), delivery.sandboxLookUps());
    }

    private static String row(String what, Histogram micros) {
        return String.format("| %s | %.1f | %.1f | %.1f | %.1f |", what, ms(micros.getValueAtPercentile(50)),
                ms(micros.getValueAtPercentile(95)), ms(micros.getValueAtPercentile(99)), ms(micros.getMaxValue()));
    }

    private static double ms(long micros) {
        return micros / 1000.0;
    }

    private static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    /** JVMs on this machine that are not this one or its children: another build or benchmark sharing the cores. */
    private static long otherJvms() {
        ProcessHandle self = ProcessHandle.current();
        Set<Long> ours = self.descendants().map(ProcessHandle::pid).collect(Collectors.toSet());
        ours.add(self.pid());
        self.parent().ifPresent(parent -> ours.add(parent.pid()));
        return ProcessHandle.allProcesses().filter(p -> !ours.contains(p.pid()))
                .filter(p -> p.info().command().map(c -> c.endsWith("/java")).orElse(false)).count();
    }
}
