package dev.carrierhub.launcher;

import java.nio.file.Path;
import java.time.Duration;
import org.HdrHistogram.Histogram;

/**
 * Prints the figures docs/BENCHMARKS.md keeps for rate-shopping: throughput end to end (shipment.requested
 * → shipment.rated seen on the topic) with three zero-latency sandbox carriers, the service's own overhead
 * per shipment with carrier time excluded, and whether every shipment was rated exactly once. Run after a
 * build ({@code -Dshipments}, {@code -Dwarmup}, {@code -Dpaced}, {@code -Drate} change the phases):
 * {@code ./mvnw -B -q -pl deploy/launcher exec:java -Dexec.mainClass=dev.carrierhub.launcher.RateShoppingBenchmarkMain}
 */
public final class RateShoppingBenchmarkMain {
    private RateShoppingBenchmarkMain() {
    }

    public static void main(String[] args) {
        int warmup = Integer.getInteger("warmup", 2_000);
        int burst = Integer.getInteger("shipments", 5_000);
        int paced = Integer.getInteger("paced", 3_000);
        int rate = Integer.getInteger("rate", 100);
        ProjectLayout layout = ProjectLayout.locate();
        Path workDir = layout.root().resolve("target/rate-shopping-benchmark-" + System.currentTimeMillis());
        try (RateShoppingStack stack = RateShoppingStack.start(layout, workDir);
                RateShoppingLoad load = new RateShoppingLoad(stack)) {
            System.out.printf("rate-shopping ready in %.1f s, carriers %s (sandbox, no added latency)%n",
                    stack.service().timeToReady().toMillis() / 1000.0, RateShoppingStack.CARRIERS);
            // The JIT, the connection pools and the consumer group settle during the warm-up, which is not reported.
            load.run("warm-up", warmup, 0);
            print(load.run("burst (all sent at once)", burst, 0));
            print(load.run("paced at " + rate + "/s", paced, rate));
            RateShoppingLoad.Delivery delivery = load.delivery(Duration.ofSeconds(3));
            System.out.printf("%nDelivery: %d requested, %d rated exactly once, %d missing, %d rated more than once,"
                            + " %d with shipment.exception, %d unexpected -> %s%n", delivery.requested(),
                    delivery.ratedOnce(), delivery.missing(), delivery.duplicated(), delivery.withException(),
                    delivery.unexpected(), delivery.exactlyOnce() ? "exactly once" : "NOT exactly once");
            System.out.printf("Sandbox rate requests: %d (3 per shipment expected: %d)%n",
                    stack.sandbox().stats().rateRequests(), 3 * delivery.requested());
            System.out.printf("rate-shopping resident memory: %d MB%n", stack.service().residentKilobytes() / 1024);
        }
    }

    private static void print(RateShoppingLoad.Phase phase) {
        System.out.printf("%n== %s: %d shipments%s%n", phase.name(), phase.shipments(),
                phase.complete() ? "" : " (INCOMPLETE: some had no outcome in time)");
        System.out.printf("throughput, first requested to last rated: %.0f shipments/s (%.1f s)%n",
                phase.shipmentsPerSecond(), phase.firstSentToLastRated().toMillis() / 1000.0);
        System.out.println("| ms | p50 | p90 | p99 | max |");
        System.out.println("|---|---|---|---|---|");
        System.out.println(row("overhead in the service, carrier time excluded (bucket bounds)", phase.overhead()));
        System.out.println(row("end to end, requested sent to rated seen", phase.endToEnd()));
        System.out.printf("overhead within 20 ms: %.2f %% of shipments%n", phase.overheadShareWithin20ms() * 100);
    }

    private static String row(String what, Histogram micros) {
        return String.format("| %s | %.1f | %.1f | %.1f | %.1f |", what, ms(micros.getValueAtPercentile(50)),
                ms(micros.getValueAtPercentile(90)), ms(micros.getValueAtPercentile(99)), ms(micros.getMaxValue()));
    }

    private static double ms(long micros) {
        return micros / 1000.0;
    }
}
