package dev.carrierhub.systemtests;

import dev.carrierhub.launcher.LocalSuite;
import dev.carrierhub.launcher.ProjectLayout;
import java.time.Duration;
import java.util.Map;

/**
 * The one suite the system tests share: starting five JVMs, Kafka and PostgreSQL takes tens of seconds,
 * so it is started once for the test JVM and stopped when the JVM exits.
 */
final class SharedSuite {
    /**
     * How long label-service leases a claimed booking (2 minutes by default): a test that kills it mid-booking
     * then sees the next attempt within seconds of the restart. Still above the carrier timeout (5 s), as
     * label-service's README asks, so a slow call is never taken over while it runs.
     */
    static final Duration LABEL_BOOKING_LEASE = Duration.ofSeconds(6);
    /**
     * label-service as the tests run it. Besides the lease, its {@code shipment.rated} consumer has the broker's
     * shortest session timeout (45 s by default): the broker hands a killed instance's partitions to its
     * restarted successor only once that session has expired.
     */
    private static final Map<String, String> LABEL_SERVICE = Map.of(
            "carrierhub.label.booking.lease", LABEL_BOOKING_LEASE.toSeconds() + "s",
            "mp.messaging.incoming.shipment-rated.session.timeout.ms", "6000",
            "mp.messaging.incoming.shipment-rated.heartbeat.interval.ms", "2000");

    /** rate-shopping as the tests run it: killed in the chaos smoke test, its partitions move on within seconds. */
    private static final Map<String, String> RATE_SHOPPING = Map.of(
            "mp.messaging.incoming.shipment-requested.session.timeout.ms", "6000",
            "mp.messaging.incoming.shipment-requested.heartbeat.interval.ms", "2000");

    private static LocalSuite suite;

    private SharedSuite() {
    }

    static synchronized LocalSuite get() {
        if (suite == null) {
            ProjectLayout layout = ProjectLayout.locate();
            suite = LocalSuite.start(layout, layout.root().resolve("system-tests/target/suite-" + System.nanoTime()), false,
                    Map.of("label-service", LABEL_SERVICE, "rate-shopping", RATE_SHOPPING));
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
