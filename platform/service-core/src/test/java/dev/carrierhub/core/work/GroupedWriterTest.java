package dev.carrierhub.core.work;

import static org.assertj.core.api.Assertions.assertThat;

import io.smallrye.mutiny.Uni;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class GroupedWriterTest {
    /** A write per group, each finished by the test when it chooses. */
    private final List<List<String>> groups = new ArrayList<>();
    private final List<CompletableFuture<Void>> writes = new ArrayList<>();

    private GroupedWriter<String> writer(int maxGroup, int maxWaiting) {
        return new GroupedWriter<>(items -> {
            groups.add(items);
            CompletableFuture<Void> write = new CompletableFuture<>();
            writes.add(write);
            return Uni.createFrom().completionStage(write);
        }, maxGroup, maxWaiting);
    }

    private static AtomicReference<Object> outcome(Uni<Void> submitted) {
        AtomicReference<Object> outcome = new AtomicReference<>();
        submitted.subscribe().with(ignored -> outcome.set("written"), outcome::set);
        return outcome;
    }

    @Test
    void anItemAloneIsWrittenAtOnceAndThoseArrivingMeanwhileGoTogetherNext() {
        GroupedWriter<String> writer = writer(10, 100);
        AtomicReference<Object> first = outcome(writer.submit("a"));
        AtomicReference<Object> second = outcome(writer.submit("b"));
        AtomicReference<Object> third = outcome(writer.submit("c"));

        assertThat(groups).containsExactly(List.of("a"));
        assertThat(writer.waiting()).isEqualTo(2);

        writes.get(0).complete(null);
        assertThat(first.get()).isEqualTo("written");
        assertThat(second.get()).isNull();
        assertThat(groups).containsExactly(List.of("a"), List.of("b", "c"));

        writes.get(1).complete(null);
        assertThat(second.get()).isEqualTo("written");
        assertThat(third.get()).isEqualTo("written");
        assertThat(writer.waiting()).isZero();
    }

    @Test
    void aGroupHasAtMostMaxGroupItems() {
        GroupedWriter<String> writer = writer(2, 100);
        outcome(writer.submit("a"));
        outcome(writer.submit("b"));
        outcome(writer.submit("c"));
        outcome(writer.submit("d"));
        outcome(writer.submit("e"));

        writes.get(0).complete(null);
        writes.get(1).complete(null);

        assertThat(groups).containsExactly(List.of("a"), List.of("b", "c"), List.of("d", "e"));
    }

    @Test
    void whenAGroupFailsEachItemIsWrittenAloneAndOnlyTheOneTheDatabaseRefusesFails() {
        GroupedWriter<String> writer = writer(10, 100);
        AtomicReference<Object> first = outcome(writer.submit("a"));
        AtomicReference<Object> good = outcome(writer.submit("b"));
        AtomicReference<Object> poison = outcome(writer.submit("poison"));
        writes.get(0).complete(null);
        assertThat(first.get()).isEqualTo("written");

        IllegalStateException refused = new IllegalStateException("value too long");
        writes.get(1).completeExceptionally(refused);
        assertThat(good.get()).as("nothing is told before the retry").isNull();
        writes.get(2).complete(null);
        writes.get(3).completeExceptionally(refused);

        assertThat(groups).containsExactly(List.of("a"), List.of("b", "poison"), List.of("b"), List.of("poison"));
        assertThat(good.get()).isEqualTo("written");
        assertThat(poison.get()).isSameAs(refused);
    }

    @Test
    void anItemWrittenAloneThatFailsFailsAndTheNextGroupIsStillWritten() {
        GroupedWriter<String> writer = writer(10, 100);
        AtomicReference<Object> first = outcome(writer.submit("a"));
        AtomicReference<Object> second = outcome(writer.submit("b"));

        IllegalStateException broken = new IllegalStateException("database gone");
        writes.get(0).completeExceptionally(broken);
        assertThat(first.get()).isSameAs(broken);
        assertThat(groups).containsExactly(List.of("a"), List.of("b"));

        writes.get(1).complete(null);
        assertThat(second.get()).isEqualTo("written");
    }

    @Test
    void aWriterThatThrowsFailsTheGroupInsteadOfStalling() {
        List<List<String>> seen = new ArrayList<>();
        GroupedWriter<String> writer = new GroupedWriter<>(items -> {
            seen.add(items);
            if (items.contains("poison")) {
                throw new IllegalArgumentException("cannot bind");
            }
            return Uni.createFrom().voidItem();
        }, 10, 100);

        AtomicReference<Object> poison = outcome(writer.submit("poison"));
        AtomicReference<Object> next = outcome(writer.submit("fine"));

        assertThat(poison.get()).isInstanceOf(IllegalArgumentException.class);
        assertThat(next.get()).isEqualTo("written");
        assertThat(writer.waiting()).isZero();
    }

    @Test
    void beyondMaxWaitingItemsAreRefusedAtOnceAndAcceptedAgainOnceWritten() {
        GroupedWriter<String> writer = writer(10, 2);
        outcome(writer.submit("a"));
        outcome(writer.submit("b"));
        outcome(writer.submit("c"));
        AtomicReference<Object> refused = outcome(writer.submit("d"));

        assertThat(refused.get()).isInstanceOf(GroupedWriter.Overloaded.class);
        assertThat(groups).containsExactly(List.of("a"));

        writes.get(0).complete(null);
        writes.get(1).complete(null);
        AtomicReference<Object> later = outcome(writer.submit("e"));
        writes.get(2).complete(null);
        assertThat(later.get()).isEqualTo("written");
        assertThat(groups).containsExactly(List.of("a"), List.of("b", "c"), List.of("e"));
    }
}
