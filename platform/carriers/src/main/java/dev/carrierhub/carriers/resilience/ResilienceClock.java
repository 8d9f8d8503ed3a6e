package dev.carrierhub.carriers.resilience;

import java.time.Duration;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The time the limits read and the timer the call timeouts run on, as one seam: production uses the
 * system's, tests drive a manual one, so no test has to sleep.
 */
public interface ResilienceClock {

    /** A monotonic reading in nanoseconds, as {@link System#nanoTime()}. */
    long nanoTime();

    /** Runs {@code task} once after {@code delay}, unless cancelled first. */
    Cancellable schedule(Duration delay, Runnable task);

    /** A scheduled task that can still be called off. */
    interface Cancellable {
        void cancel();
    }

    /** The system clock, with one shared daemon timer thread for every account's timeouts. */
    static ResilienceClock system() {
        return SystemClock.INSTANCE;
    }

    /** The production clock. */
    final class SystemClock implements ResilienceClock {
        static final SystemClock INSTANCE = new SystemClock();

        private final ScheduledThreadPoolExecutor timer;

        private SystemClock() {
            timer = new ScheduledThreadPoolExecutor(1, task -> {
                Thread thread = new Thread(task, "carrier-call-timeouts");
                thread.setDaemon(true);
                return thread;
            });
            // Most calls answer in time: their timeouts are cancelled and must not pile up in the queue.
            timer.setRemoveOnCancelPolicy(true);
        }

        @Override
        public long nanoTime() {
            return System.nanoTime();
        }

        @Override
        public Cancellable schedule(Duration delay, Runnable task) {
            // The timer thread only hands over: whatever the caller chained on the failed stage runs on the
            // common pool, so one slow continuation cannot hold up every other account's timeouts.
            var scheduled = timer.schedule(() -> ForkJoinPool.commonPool().execute(task),
                    delay.toNanos(), TimeUnit.NANOSECONDS);
            return () -> scheduled.cancel(false);
        }
    }
}
