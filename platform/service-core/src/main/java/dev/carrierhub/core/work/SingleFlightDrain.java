package dev.carrierhub.core.work;

import io.smallrye.mutiny.Uni;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Drains a queue one batch at a time, never two batches at once in this process. Callers may ask for
 * a drain as often as they like (after every commit, on every timer tick): a request that arrives while
 * a batch runs makes the drain go round once more instead of starting a second one.
 */
public final class SingleFlightDrain {
    private final Supplier<Uni<Integer>> batch;
    private final int fullBatch;
    private final Consumer<Throwable> onFailure;
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean wanted = new AtomicBoolean();
    private volatile long lastSuccessMillis = System.currentTimeMillis();
    private volatile Throwable lastFailure;

    /**
     * @param batch processes one batch and tells how many items it handled
     * @param fullBatch the size at which a batch may have left more work behind
     */
    public SingleFlightDrain(Supplier<Uni<Integer>> batch, int fullBatch, Consumer<Throwable> onFailure) {
        this.batch = batch;
        this.fullBatch = fullBatch;
        this.onFailure = onFailure;
    }

    public void request() {
        wanted.set(true);
        if (!running.compareAndSet(false, true)) {
            return;
        }
        wanted.set(false);
        Uni<Integer> next;
        try {
            next = batch.get();
        } catch (RuntimeException e) {
            finishWithFailure(e);
            return;
        }
        next.subscribe().with(done -> {
            lastSuccessMillis = System.currentTimeMillis();
            lastFailure = null;
            running.set(false);
            if (done >= fullBatch || wanted.get()) {
                request();
            }
        }, this::finishWithFailure);
    }

    private void finishWithFailure(Throwable failure) {
        lastFailure = failure;
        running.set(false);
        onFailure.accept(failure);
    }

    public long millisSinceLastSuccess() {
        return System.currentTimeMillis() - lastSuccessMillis;
    }

    public Throwable lastFailure() {
        return lastFailure;
    }
}
