package dev.carrierhub.core.work;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.Test;

class KeyedLanesTest {
    private final List<String> started = new ArrayList<>();

    @Test
    void runsDifferentKeysAtOnceAndOneKeyInOrder() {
        KeyedLanes lanes = new KeyedLanes(10);
        CompletableFuture<Void> a1 = new CompletableFuture<>();
        CompletableFuture<Void> a2 = new CompletableFuture<>();
        CompletableFuture<Void> b1 = new CompletableFuture<>();

        lanes.submit("a", work("a1", a1));
        lanes.submit("a", work("a2", a2));
        lanes.submit("b", work("b1", b1));

        assertThat(started).containsExactly("a1", "b1");
        a1.complete(null);
        assertThat(started).containsExactly("a1", "b1", "a2");
        assertThat(lanes.inFlight()).isEqualTo(2);
    }

    @Test
    void asksTheCallerToWaitWhileFullAndLetsItGoWhenOneFinishes() {
        KeyedLanes lanes = new KeyedLanes(2);
        CompletableFuture<Void> first = new CompletableFuture<>();

        CompletionStage<Void> afterFirst = lanes.submit("a", work("a1", first));
        CompletionStage<Void> afterSecond = lanes.submit("b", work("b1", new CompletableFuture<>()));

        assertThat(afterFirst.toCompletableFuture()).isDone();
        assertThat(afterSecond.toCompletableFuture()).isNotDone();
        first.complete(null);
        assertThat(afterSecond.toCompletableFuture()).isDone();
        assertThat(lanes.inFlight()).isEqualTo(1);
    }

    @Test
    void aFailedUnitOfWorkDoesNotHoldBackItsKey() {
        KeyedLanes lanes = new KeyedLanes(4);
        CompletableFuture<Void> failing = new CompletableFuture<>();

        lanes.submit("a", work("a1", failing));
        lanes.submit("a", work("a2", new CompletableFuture<>()));
        failing.completeExceptionally(new IllegalStateException("database down"));

        assertThat(started).containsExactly("a1", "a2");
        assertThat(lanes.inFlight()).isEqualTo(1);
    }

    @Test
    void workThatThrowsCountsAsFinished() {
        KeyedLanes lanes = new KeyedLanes(1);

        CompletionStage<Void> room = lanes.submit("a", () -> {
            throw new IllegalStateException("unreadable");
        });

        assertThat(room.toCompletableFuture()).isDone();
        assertThat(lanes.inFlight()).isZero();
        lanes.submit("a", work("a2", new CompletableFuture<>()));
        assertThat(started).containsExactly("a2");
    }

    @Test
    void refusesAnEmptyLane() {
        assertThatThrownBy(() -> new KeyedLanes(0)).isInstanceOf(IllegalArgumentException.class);
    }

    private java.util.function.Supplier<CompletionStage<Void>> work(String name, CompletableFuture<Void> result) {
        return () -> {
            started.add(name);
            return result;
        };
    }
}
