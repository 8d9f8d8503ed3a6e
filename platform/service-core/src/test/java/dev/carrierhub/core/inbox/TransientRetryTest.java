package dev.carrierhub.core.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.carrierhub.core.tracing.TracedWork;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.opentelemetry.api.OpenTelemetry;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import java.net.ConnectException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TransientRetryTest {

    private final Vertx vertx = Vertx.vertx();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    @AfterEach
    void closeVertx() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @Test
    void triesAgainOnTheSameEventLoopUntilTheDatabaseIsBack() throws Exception {
        TransientRetry retry = retry(Duration.ofSeconds(10));
        Context context = vertx.getOrCreateContext();
        List<Context> attemptedOn = new CopyOnWriteArrayList<>();
        List<Thread> attemptedOnThread = new CopyOnWriteArrayList<>();
        AtomicInteger attempts = new AtomicInteger();

        String result = runOn(context, () -> retry.run("test-consumer", () -> {
            attemptedOn.add(Vertx.currentContext());
            attemptedOnThread.add(Thread.currentThread());
            return attempts.incrementAndGet() < 3
                    ? Uni.createFrom().failure(new ConnectException("Connection refused"))
                    : Uni.createFrom().item("recorded");
        }));

        assertThat(result).isEqualTo("recorded");
        assertThat(attempts).hasValue(3);
        assertThat(attemptedOn.get(0)).isSameAs(context);
        // Each retry on a context of its own (the failed one may hold a broken session), on the same event loop.
        assertThat(attemptedOn).doesNotHaveDuplicates();
        assertThat(attemptedOnThread).containsOnly(attemptedOnThread.get(0));
        assertThat(meters.counter("carrierhub.inbox.transient.retries", "consumer", "test-consumer").count())
                .isEqualTo(2.0);
    }

    @Test
    void anAttemptThatNeverEndsIsTriedAgain() throws Exception {
        TransientRetry retry = retry(Duration.ofSeconds(10));
        AtomicInteger attempts = new AtomicInteger();

        String result = runOn(vertx.getOrCreateContext(), () -> retry.run("test-consumer", () ->
                attempts.incrementAndGet() == 1 ? Uni.createFrom().<String>nothing() : Uni.createFrom().item("recorded")));

        assertThat(result).isEqualTo("recorded");
        assertThat(attempts).hasValue(2);
    }

    @Test
    void aFailureThatWouldComeBackIsNotTriedAgain() {
        TransientRetry retry = retry(Duration.ofSeconds(10));
        AtomicInteger attempts = new AtomicInteger();

        CompletableFuture<String> outcome = start(vertx.getOrCreateContext(), () -> retry.run("test-consumer", () -> {
            attempts.incrementAndGet();
            return Uni.createFrom().failure(new PoisonEventException("not a CloudEvent"));
        }));

        assertThat(outcome).failsWithin(Duration.ofSeconds(5)).withThrowableThat()
                .havingRootCause().isInstanceOf(PoisonEventException.class);
        assertThat(attempts).hasValue(1);
    }

    @Test
    void givesUpWithTheLastFailureOnceTheBudgetIsSpent() {
        TransientRetry retry = retry(Duration.ofMillis(300));
        AtomicInteger attempts = new AtomicInteger();

        CompletableFuture<String> outcome = start(vertx.getOrCreateContext(), () -> retry.run("test-consumer", () ->
                Uni.createFrom().failure(new ConnectException("refused #" + attempts.incrementAndGet()))));

        assertThat(outcome).failsWithin(Duration.ofSeconds(5)).withThrowableThat()
                .havingRootCause().isInstanceOf(ConnectException.class)
                .withMessage("refused #" + attempts.get());
        // 50 ms, 100 ms, then the next pause (200 ms) would end past the 300 ms budget.
        assertThat(attempts.get()).isBetween(2, 4);
    }

    private TransientRetry retry(Duration budget) {
        return new TransientRetry(config(budget), new TracedWork(vertx, OpenTelemetry.noop().getTracer("test")),
                meters);
    }

    private static InboxConfig config(Duration budget) {
        return new InboxConfig() {
            @Override
            public Duration attemptTimeout() {
                return Duration.ofMillis(200);
            }

            @Override
            public Duration initialBackoff() {
                return Duration.ofMillis(50);
            }

            @Override
            public Duration maxBackoff() {
                return Duration.ofMillis(200);
            }

            @Override
            public Duration budget() {
                return budget;
            }
        };
    }

    private static <T> T runOn(Context context, Supplier<Uni<T>> work) throws Exception {
        return start(context, work).get(10, TimeUnit.SECONDS);
    }

    private static <T> CompletableFuture<T> start(Context context, Supplier<Uni<T>> work) {
        CompletableFuture<T> result = new CompletableFuture<>();
        context.runOnContext(ignored -> work.get().subscribe().with(result::complete, result::completeExceptionally));
        return result;
    }
}
