package dev.carrierhub.core.work;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

/**
 * Runs units of work for different keys at the same time and for one key strictly in the order they were
 * handed in, with at most {@code maxInFlight} started and not yet finished.
 *
 * <p>Made for a Kafka consumer whose records wait on the network (carrier calls, a transaction): handled one at
 * a time, the consumer spends most of its life waiting. The caller hands a record in and gets back a stage
 * that completes as soon as the next one may be handed in, which is at once while there is room and otherwise
 * when some unit of work finishes. Acknowledging each record when its own work ends is the caller's job; with
 * an out-of-order commit strategy (SmallRye's {@code throttled}) the offset committed never passes a record
 * still in flight, so a crash re-delivers it rather than losing it.
 */
public final class KeyedLanes {
    private static final CompletionStage<Void> ROOM = CompletableFuture.completedFuture(null);

    private final int maxInFlight;
    /** The last unit of work handed in for each key that has one unfinished: the next one for that key follows it. */
    private final Map<String, CompletableFuture<Void>> lastByKey = new HashMap<>();
    private int inFlight;
    private CompletableFuture<Void> waitingForRoom;

    public KeyedLanes(int maxInFlight) {
        if (maxInFlight < 1) {
            throw new IllegalArgumentException("maxInFlight must be at least 1, was " + maxInFlight);
        }
        this.maxInFlight = maxInFlight;
    }

    /**
     * Starts {@code work} once the unit of work handed in before it for {@code key} has finished (at once if
     * there is none). A failing unit of work (a failed stage, or {@code work} throwing) does not hold back the
     * next one for its key: reporting and recovering the failure belongs to {@code work} itself.
     *
     * @return a stage that completes when another unit of work may be handed in
     */
    public CompletionStage<Void> submit(String key, Supplier<? extends CompletionStage<?>> work) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        CompletableFuture<Void> previous;
        CompletionStage<Void> room;
        synchronized (this) {
            previous = lastByKey.put(key, done);
            inFlight++;
            if (inFlight < maxInFlight) {
                room = ROOM;
            } else {
                waitingForRoom = new CompletableFuture<>();
                room = waitingForRoom;
            }
        }
        done.whenComplete((ignored, failure) -> finished(key, done));
        if (previous == null) {
            start(work, done);
        } else {
            previous.whenComplete((ignored, failure) -> start(work, done));
        }
        return room;
    }

    /** Units of work handed in and not finished yet. */
    public synchronized int inFlight() {
        return inFlight;
    }

    private static void start(Supplier<? extends CompletionStage<?>> work, CompletableFuture<Void> done) {
        try {
            work.get().whenComplete((ignored, failure) -> done.complete(null));
        } catch (RuntimeException e) {
            done.complete(null);
        }
    }

    private void finished(String key, CompletableFuture<Void> done) {
        CompletableFuture<Void> room = null;
        synchronized (this) {
            lastByKey.remove(key, done);
            inFlight--;
            if (waitingForRoom != null && inFlight < maxInFlight) {
                room = waitingForRoom;
                waitingForRoom = null;
            }
        }
        if (room != null) {
            room.complete(null);
        }
    }
}
