package dev.carrierhub.core.tracing;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import io.vertx.core.impl.VertxInternal;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.function.Supplier;

/**
 * Runs background work (a stored webhook, a scheduled retry) as a child span of the trace that brought
 * it in, on a fresh Vert.x duplicated context, so the trace goes on across the pause in the database.
 */
@ApplicationScoped
public class TracedWork {
    private final Vertx vertx;
    private final Tracer tracer;

    public TracedWork(Vertx vertx, Tracer tracer) {
        this.vertx = vertx;
        this.tracer = tracer;
    }

    public <T> Uni<T> run(String spanName, TraceContext parent, Supplier<Uni<T>> work) {
        return runTraced(spanName, parent, work, vertx.getOrCreateContext());
    }

    /**
     * Like {@link #run}, on the next event loop in turn rather than the caller's. A Kafka consumer hands every
     * record in on one event loop; work that runs side by side (a round of carrier calls, a transaction) spreads
     * over all of them this way instead of queueing on that one.
     */
    public <T> Uni<T> runOnNextEventLoop(String spanName, TraceContext parent, Supplier<Uni<T>> work) {
        return runTraced(spanName, parent, work, ((VertxInternal) vertx).createEventLoopContext());
    }

    private <T> Uni<T> runTraced(String spanName, TraceContext parent, Supplier<Uni<T>> work,
            io.vertx.core.Context eventLoop) {
        return Uni.createFrom().deferred(() -> {
            Span span = tracer.spanBuilder(spanName).setParent(parent.toContext()).startSpan();
            return runOnFreshContext(eventLoop, io.opentelemetry.context.Context.root().with(span), work)
                    .onItemOrFailure().invoke((item, failure) -> end(span, failure));
        });
    }

    /** Runs work that belongs to no trace (a poll that may find nothing) on a fresh duplicated context. */
    public <T> Uni<T> runUntraced(Supplier<Uni<T>> work) {
        return runOnFreshContext(vertx.getOrCreateContext(), io.opentelemetry.context.Context.root(), work);
    }

    /**
     * Runs work in the trace given on a fresh duplicated context of eventLoop. The trace stays current on that
     * context until the work ends, so its continuations run in it. Also the way to run a unit of work again after
     * it failed or hung: it may have left its own context unusable (a broken database session stays attached).
     */
    public <T> Uni<T> runOnFreshContext(io.vertx.core.Context eventLoop, io.opentelemetry.context.Context trace,
            Supplier<Uni<T>> work) {
        return Uni.createFrom().emitter(emitter -> {
            io.vertx.core.Context context = safeDuplicatedContext(eventLoop);
            context.runOnContext(ignored -> {
                Scope scope = trace.makeCurrent();
                Uni<T> started;
                try {
                    started = work.get();
                } catch (RuntimeException e) {
                    scope.close();
                    emitter.fail(e);
                    return;
                }
                started.subscribe().with(item -> {
                    scope.close();
                    emitter.complete(item);
                }, failure -> {
                    scope.close();
                    emitter.fail(failure);
                });
            });
        });
    }

    /** Hibernate Reactive only runs on a duplicated context flagged as isolated to this unit of work. */
    private static io.vertx.core.Context safeDuplicatedContext(io.vertx.core.Context eventLoop) {
        io.vertx.core.Context context = VertxContext.createNewDuplicatedContext(eventLoop);
        VertxContextSafetyToggle.setContextSafe(context, true);
        return context;
    }

    private static void end(Span span, Throwable failure) {
        if (failure != null) {
            span.recordException(failure);
            span.setStatus(StatusCode.ERROR);
        }
        span.end();
    }
}
