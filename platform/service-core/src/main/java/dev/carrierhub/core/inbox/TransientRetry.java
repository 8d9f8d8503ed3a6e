package dev.carrierhub.core.inbox;

import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * Tries a unit of work again while it fails for a reason that passes by itself ({@link TransientFailures}): a
 * database restart or failover then delays events instead of sending them to the dead-letter topic. Pauses grow
 * from the initial to the maximum backoff; after the budget the last failure stands.
 *
 * <p>Every attempt runs on the caller's own Vert.x context, where Hibernate Reactive insists on running: Mutiny's
 * own retry would resubscribe on a worker thread after a pause.
 */
@ApplicationScoped
public class TransientRetry {
    private static final Logger LOG = Logger.getLogger(TransientRetry.class);

    private final InboxConfig config;
    private final MeterRegistry meters;

    public TransientRetry(InboxConfig config, MeterRegistry meters) {
        this.config = config;
        this.meters = meters;
    }

    /** Runs work, and again after each transient failure until the budget is spent; name labels logs and metrics. */
    public <T> Uni<T> run(String name, Supplier<Uni<T>> work) {
        Context context = Vertx.currentContext();
        long deadline = System.nanoTime() + config.budget().toNanos();
        return attempt(name, work, context, config.initialBackoff(), deadline, 1);
    }

    private <T> Uni<T> attempt(String name, Supplier<Uni<T>> work, Context context, Duration pause, long deadline,
            int attempt) {
        return Uni.createFrom().deferred(work::get)
                .onFailure(failure -> context != null && TransientFailures.isTransient(failure)
                        && System.nanoTime() + pause.toNanos() < deadline)
                .recoverWithUni(failure -> {
                    LOG.warnf("%s: attempt %d failed for a passing reason (%s); trying again in %d ms", name, attempt,
                            failure, pause.toMillis());
                    meters.counter("carrierhub.inbox.transient.retries", "consumer", name).increment();
                    return pauseOn(context, pause).chain(() -> attempt(name, work, context, longer(pause), deadline,
                            attempt + 1));
                });
    }

    private Duration longer(Duration pause) {
        Duration doubled = pause.multipliedBy(2);
        return doubled.compareTo(config.maxBackoff()) > 0 ? config.maxBackoff() : doubled;
    }

    /** Completes on context after the pause, so that the next attempt starts where the first one ran. */
    private static Uni<Void> pauseOn(Context context, Duration pause) {
        return Uni.createFrom().emitter(emitter -> context.owner().setTimer(Math.max(1, pause.toMillis()),
                timer -> context.runOnContext(ignored -> emitter.complete(null))));
    }
}
