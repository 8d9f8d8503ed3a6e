package dev.carrierhub.core.runtime;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Optional;
import java.util.concurrent.ForkJoinPool;
import org.jboss.logging.Logger;

/**
 * Warns at start-up when the JVM's common pool has fewer than two threads, which is the default on one or two
 * CPUs. {@link java.util.concurrent.CompletableFuture} then runs every asynchronous step on a new thread, and
 * the JDK's HTTP client, which carrier connectors use, takes one such step per call: a thread started and
 * discarded for every carrier request. Start the JVM with
 * {@code -Djava.util.concurrent.ForkJoinPool.common.parallelism=2} (the container images and the local launcher
 * do); it cannot be changed once the JVM runs.
 */
@ApplicationScoped
public class CommonPoolCheck {
    static final String SETTING = "java.util.concurrent.ForkJoinPool.common.parallelism";
    private static final Logger LOG = Logger.getLogger(CommonPoolCheck.class);

    void onStart(@Observes StartupEvent start) {
        warning(ForkJoinPool.getCommonPoolParallelism()).ifPresent(LOG::warn);
    }

    /** The warning to log for a common pool of {@code parallelism} threads, if any. */
    static Optional<String> warning(int parallelism) {
        if (parallelism >= 2) {
            return Optional.empty();
        }
        return Optional.of("The common pool has " + parallelism + " thread: every outbound HTTP call will "
                + "start a new thread. Start the JVM with -D" + SETTING + "=2.");
    }
}
