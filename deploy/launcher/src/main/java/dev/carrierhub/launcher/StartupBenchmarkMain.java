package dev.carrierhub.launcher;

import java.nio.file.Path;

/**
 * Prints the figures docs/BENCHMARKS.md keeps for the local stack: time until every service is ready,
 * each service's time to ready and resident memory after one shipment went through, and that
 * shipment's webhook-to-label time. Run after a build:
 * {@code ./mvnw -B -q -pl deploy/launcher exec:java -Dexec.mainClass=dev.carrierhub.launcher.StartupBenchmarkMain}
 */
public final class StartupBenchmarkMain {
    private StartupBenchmarkMain() {
    }

    public static void main(String[] args) {
        ProjectLayout layout = ProjectLayout.locate();
        Path workDir = layout.root().resolve("target/startup-benchmark-" + System.currentTimeMillis());
        try (LocalSuite suite = LocalSuite.start(layout, workDir, false)) {
            DemoRun.Outcome outcome = new DemoRun(suite).run(workDir);
            System.out.printf("Local stack (Kafka, PostgreSQL, sandbox, recorded Odoo, 5 services) ready in %.1f s%n",
                    suite.timeToReady().toMillis() / 1000.0);
            System.out.printf("First shipment, webhook to label (cold JVMs): %d ms%n%n", outcome.webhookToLabel().toMillis());
            System.out.println("| service | time to ready (s) | resident memory after one shipment (MB) |");
            System.out.println("|---|---|---|");
            suite.services().forEach((name, process) -> System.out.printf("| %s | %.1f | %d |%n", name,
                    process.timeToReady().toMillis() / 1000.0, process.residentKilobytes() / 1024));
        }
    }
}
