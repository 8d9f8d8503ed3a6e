package dev.carrierhub.core.client;

import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

/**
 * Calls an outside system (a carrier connector) from reactive code: a client span per call, a
 * deadline, and the answer delivered back on the caller's Vert.x context. Connectors complete on their
 * HTTP client's threads, where neither Hibernate Reactive nor the caller's trace context would be found.
 */
@ApplicationScoped
public class OutboundCalls {
    private final Tracer tracer;

    public OutboundCalls(Tracer tracer) {
        this.tracer = tracer;
    }

    /**
     * Runs {@code call} as span {@code spanName}; fails with {@link io.smallrye.mutiny.TimeoutException} when
     * it does not answer within {@code deadline}, and with whatever the call failed with otherwise.
     */
    public <T> Uni<T> call(String spanName, Attributes attributes, Duration deadline, Supplier<CompletionStage<T>> call) {
        Context caller = Vertx.currentContext();
        Uni<T> answer = Uni.createFrom().deferred(() -> {
            Span span = tracer.spanBuilder(spanName).setSpanKind(SpanKind.CLIENT).setAllAttributes(attributes).startSpan();
            Uni<T> started;
            try (Scope ignored = span.makeCurrent()) {
                started = Uni.createFrom().completionStage(call.get());
            } catch (RuntimeException e) {
                started = Uni.createFrom().failure(e);
            }
            return started.ifNoItem().after(deadline).fail()
                    .onItemOrFailure().invoke((item, failure) -> end(span, failure));
        });
        return caller == null ? answer : answer.emitOn(command -> caller.runOnContext(ignored -> command.run()));
    }

    private static void end(Span span, Throwable failure) {
        if (failure != null) {
            span.recordException(failure);
            span.setStatus(StatusCode.ERROR);
        }
        span.end();
    }
}
