package dev.carrierhub.carriers.resilience;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** A clock the test moves by hand; scheduled tasks run, in order, when it passes their time. */
final class ManualClock implements ResilienceClock {
    private long now = 1_000_000_000L;
    private final List<Scheduled> scheduled = new ArrayList<>();

    @Override
    public synchronized long nanoTime() {
        return now;
    }

    @Override
    public synchronized Cancellable schedule(Duration delay, Runnable task) {
        Scheduled entry = new Scheduled(now + delay.toNanos(), task);
        scheduled.add(entry);
        return () -> {
            synchronized (ManualClock.this) {
                scheduled.remove(entry);
            }
        };
    }

    /** Moves time on, running every task that falls due on the way. */
    void advance(Duration by) {
        long until;
        synchronized (this) {
            until = now + by.toNanos();
        }
        while (true) {
            Scheduled next;
            synchronized (this) {
                next = scheduled.stream().filter(s -> s.at <= until).min(Comparator.comparingLong(s -> s.at)).orElse(null);
                if (next == null) {
                    now = until;
                    return;
                }
                scheduled.remove(next);
                now = next.at;
            }
            next.task.run();
        }
    }

    synchronized int pending() {
        return scheduled.size();
    }

    private record Scheduled(long at, Runnable task) {
    }
}
