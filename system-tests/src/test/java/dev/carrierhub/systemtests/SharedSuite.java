package dev.carrierhub.systemtests;

import dev.carrierhub.launcher.LocalSuite;
import dev.carrierhub.launcher.ProjectLayout;

/**
 * The one suite the system tests share: starting five JVMs, Kafka and PostgreSQL takes tens of seconds,
 * so it is started once for the test JVM and stopped when the JVM exits.
 */
final class SharedSuite {
    private static LocalSuite suite;

    private SharedSuite() {
    }

    static synchronized LocalSuite get() {
        if (suite == null) {
            ProjectLayout layout = ProjectLayout.locate();
            suite = LocalSuite.start(layout, layout.root().resolve("system-tests/target/suite-" + System.nanoTime()), false);
            Runtime.getRuntime().addShutdownHook(new Thread(suite::close, "system-test-suite-stop"));
        }
        return suite;
    }

    /** Stops the suite now (the last test checks that nothing is left running). */
    static synchronized void stop() {
        if (suite != null) {
            suite.close();
        }
    }
}
