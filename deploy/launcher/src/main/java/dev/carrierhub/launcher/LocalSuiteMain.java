package dev.carrierhub.launcher;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * The README's "run it" command: starts the suite, sends a demo Odoo picking through it, prints what
 * happened and where everything is, and keeps running until Ctrl-C.
 */
public final class LocalSuiteMain {
    private LocalSuiteMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        // Before anything logs: started with plain java (not from Maven), the JBoss and JDK log managers would
        // otherwise wait on each other's initialisation for ever.
        System.setProperty("java.util.logging.manager", "org.jboss.logmanager.LogManager");
        java.util.logging.LogManager.getLogManager();
        ProjectLayout layout = ProjectLayout.locate();
        Path workDir = layout.root().resolve("target/local-suite");
        System.out.println("Starting Kafka, PostgreSQL, the sandbox carrier, a recorded Odoo and five services...");
        LocalSuite suite = LocalSuite.start(layout, workDir, true);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("\nStopping Carrier Hub...");
            suite.close();
            stopped.countDown();
        }, "local-suite-shutdown"));
        System.out.printf("Ready in %.1f s.%n%n", suite.timeToReady().toMillis() / 1000.0);

        DemoRun.Outcome outcome = new DemoRun(suite).run(workDir);
        System.out.println(new SuiteReport(suite, outcome).render());
        System.out.println("Press Ctrl-C to stop.");
        stopped.await();
    }
}
