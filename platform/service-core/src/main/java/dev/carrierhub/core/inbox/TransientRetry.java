package dev.carrierhub.core.inbox;

import dev.carrierhub.core.tracing.TracedWork;
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
 * from the initial to the maximum backoff; after the budget the last failure stands. An attempt that has not
 * ended after the attempt timeout counts as failed for a passing reason: whatever it waits for, it must not hold
 * its record (and the partition's committed offset) for ever.
 *
 * <p>Retries run on the caller's event loop, where Hibernate Reactive insists on running (Mutiny's own retry
 * would resubscribe on a worker thread after a pause), but on a fresh duplicated context in the caller's trace:
 * the failed attempt's database session may still be attached to the old one.
 */
@ApplicationScoped
public class TransientRetry {
    private static final Logger LOG = Logger.getLogger(TransientRetry.class);

    private final InboxConfig config;
    private final TracedWork contexts;
    private final MeterRegistry meters;

    public TransientRetry(InboxConfig config, TracedWork contexts, MeterRegistry meters) {
        this.config = config;
        this.contexts = contexts;
        this.meters = meters;
    }

    /** Runs work, and again after each transient failure until the budget is spent; name labels logs and metrics. */
    public <T> Uni<T> run(String name, Supplier<Uni<T>> work) {
        Context context = Vertx.currentContext();
        if (context == null) {
            // Not on Vert.x (a unit test, a plain thread): nowhere Hibernate Reactive could run again.
            return Uni.createFrom().deferred(work::get);
        }
        Attempts<T> attempts = new Attempts<>(name, work, context, io.opentelemetry.context.Context.current(),
                System.nanoTime() + config.budget().toNanos());
        return attempts.next(Uni.createFrom().deferred(work::get), config.initialBackoff(), 1);
    }

    /** The attempts at one unit of work. */
    private final class Attempts<T> {
        private final String name;
        private final Supplier<Uni<T>> work;
        private final Context context;
        private final io.opentelemetry.context.Context trace;
        private final long deadline;

        Attempts(String name, Supplier<Uni<T>> work, Context context, io.opentelemetry.context.Context trace,
                long deadline) {
            this.name = name;
            this.work = work;
            this.context = context;
            this.trace = trace;
            this.deadline = deadline;
        }

        Uni<T> next(Uni<T> attempt, Duration pause, int number) {
            return attempt
                    .ifNoItem().after(config.attemptTimeout()).failWith(() -> new AttemptTimedOutException(
                            name + ": attempt " + number + " did not end within " + config.attemptTimeout()))
                    .onFailure(failure -> number > 1 && !TransientFailures.isTransient(failure)).invoke(failure ->
                            LOG.warnf("%s: attempt %d failed for a reason that does not pass by itself, giving up: %s",
                                    name, number, failure))
                    .onFailure(failure -> TransientFailures.isTransient(failure)
                            && System.nanoTime() + pause.toNanos() < deadline)
                    .recoverWithUni(failure -> {
                        LOG.warnf("%s: attempt %d failed for a passing reason (%s); trying again in %d ms", name,
                                number, failure, pause.toMillis());
                        meters.counter("carrierhub.inbox.transient.retries", "consumer", name).increment();
                        Uni<T> again = contexts.runOnFreshContext(context, trace, work);
                        return pauseOn(context, pause).chain(() -> next(again, longer(pause), number + 1));
                    });
        }
    }

    private Duration longer(Duration pause) {
        Duration doubled = pause.multipliedBy(2);
        return doubled.compareTo(config.maxBackoff()) > 0 ? config.maxBackoff() : doubled;
    }

    /** A Vert.x timer: the next attempt then moves onto a fresh context of the caller's event loop by itself. */
    private static Uni<Void> pauseOn(Context context, Duration pause) {
        return Uni.createFrom().emitter(emitter -> context.owner().setTimer(Math.max(1, pause.toMillis()),
                timer -> emitter.complete(null)));
    }

    /** An attempt that neither succeeded nor failed in time: treated as a passing failure. */
    static final class AttemptTimedOutException extends java.util.concurrent.TimeoutException {
        AttemptTimedOutException(String message) {
            super(message);
        }
    }
}
