package dev.carrierhub.core.work;

import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Writes items in groups, one group at a time: items that arrive while a group is being written wait and
 * go together in the next one. Alone, an item is written at once; under load, a hundred requests cost one
 * statement and one commit instead of a hundred, with no timer adding latency. Each caller's {@code Uni}
 * completes when its own group has been written, back on the caller's Vert.x context. A group that fails is
 * written again item by item, so one item the database refuses fails alone.
 *
 * <p>At most {@code maxWaiting} items wait for a write to start: beyond that {@link #submit} refuses at once with
 * {@link Overloaded}, so a flood is answered "try again" instead of queueing without bound.
 */
public final class GroupedWriter<T> {
    private final Function<List<T>, Uni<Void>> write;
    private final int maxGroup;
    private final int maxWaiting;
    private final ArrayDeque<Waiting<T>> waiting = new ArrayDeque<>();
    private boolean writing;

    /**
     * @param write writes a group atomically (one statement, or one transaction); when a group fails, each of its
     *        items is written again alone, so only the items that cannot be written fail
     * @param maxGroup the most items written together
     * @param maxWaiting the most items waiting for a write before new ones are refused
     */
    public GroupedWriter(Function<List<T>, Uni<Void>> write, int maxGroup, int maxWaiting) {
        if (maxGroup < 1 || maxWaiting < 1) {
            throw new IllegalArgumentException("maxGroup and maxWaiting must be positive");
        }
        this.write = write;
        this.maxGroup = maxGroup;
        this.maxWaiting = maxWaiting;
    }

    /** Completes once the item is written; fails with {@link Overloaded} at once when too many wait. */
    public Uni<Void> submit(T item) {
        return Uni.createFrom().emitter(emitter -> {
            Waiting<T> entry = new Waiting<>(item, Vertx.currentContext(), () -> emitter.complete(null),
                    emitter::fail);
            boolean start;
            synchronized (this) {
                if (waiting.size() >= maxWaiting) {
                    emitter.fail(new Overloaded(waiting.size()));
                    return;
                }
                waiting.add(entry);
                start = !writing;
                writing = true;
            }
            if (start) {
                writeNextGroup();
            }
        });
    }

    /** Items accepted and waiting for a write to start (those being written not counted). */
    public synchronized int waiting() {
        return waiting.size();
    }

    private void writeNextGroup() {
        List<Waiting<T>> group = new ArrayList<>();
        synchronized (this) {
            while (group.size() < maxGroup && !waiting.isEmpty()) {
                group.add(waiting.poll());
            }
            if (group.isEmpty()) {
                writing = false;
                return;
            }
        }
        Uni<Void> written;
        try {
            written = write.apply(group.stream().map(Waiting::item).toList());
        } catch (RuntimeException e) {
            written = Uni.createFrom().failure(e);
        }
        written.subscribe().with(ignored -> {
            group.forEach(Waiting::succeed);
            writeNextGroup();
        }, failure -> {
            if (group.size() == 1) {
                group.get(0).fail(failure);
                writeNextGroup();
            } else {
                writeOneByOne(group, 0);
            }
        });
    }

    /** After a group failed: each item alone, so one that cannot be written fails by itself, not its neighbours. */
    private void writeOneByOne(List<Waiting<T>> group, int index) {
        if (index == group.size()) {
            writeNextGroup();
            return;
        }
        Waiting<T> entry = group.get(index);
        Uni<Void> written;
        try {
            written = write.apply(List.of(entry.item()));
        } catch (RuntimeException e) {
            written = Uni.createFrom().failure(e);
        }
        written.subscribe().with(ignored -> {
            entry.succeed();
            writeOneByOne(group, index + 1);
        }, failure -> {
            entry.fail(failure);
            writeOneByOne(group, index + 1);
        });
    }

    /** Refused because {@code waiting} items already wait for a write. */
    public static final class Overloaded extends RuntimeException {
        public Overloaded(int waiting) {
            super(waiting + " items are waiting to be written", null, false, false);
        }
    }

    private record Waiting<T>(T item, Context caller, Runnable onWritten,
            java.util.function.Consumer<Throwable> onFailed) {
        void succeed() {
            onCaller(onWritten);
        }

        void fail(Throwable failure) {
            onCaller(() -> onFailed.accept(failure));
        }

        /** Back on the caller's context: the rest of its request (the answer, its span) belongs there. */
        private void onCaller(Runnable task) {
            if (caller == null || Vertx.currentContext() == caller) {
                task.run();
            } else {
                caller.runOnContext(ignored -> task.run());
            }
        }
    }
}
