package dev.carrierhub.tracking.polling;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * A carrier's daily allowance of look-ups, counted per UTC day: it starts afresh at midnight UTC. Thread-safe.
 * Counted in this process: with several replicas, give each its share.
 */
public final class DailyQuota {
    private final long limit;
    private final Clock clock;
    private LocalDate day;
    private long used;
    private boolean announced;

    public DailyQuota(long limit, Clock clock) {
        if (limit < 0) {
            throw new IllegalArgumentException("a daily quota cannot be negative, was " + limit);
        }
        this.limit = limit;
        this.clock = clock;
        this.day = today();
    }

    /** Uses one look-up if today's quota has one left. */
    public synchronized Use tryUse() {
        rollOver();
        if (used < limit) {
            used++;
            return new Use(true, false, null);
        }
        boolean first = !announced;
        announced = true;
        return new Use(false, first, nextDay());
    }

    /** Look-ups left today. */
    public synchronized long remaining() {
        rollOver();
        return limit - used;
    }

    public long limit() {
        return limit;
    }

    /** When the quota starts afresh: the next midnight UTC. */
    public synchronized Instant nextDay() {
        return day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    private void rollOver() {
        LocalDate today = today();
        if (!today.equals(day)) {
            day = today;
            used = 0;
            announced = false;
        }
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    /**
     * @param granted          a look-up may be made
     * @param firstRefusalToday the quota ran out just now: the one moment to say so
     * @param resumesAt        when refused, when the quota starts afresh
     */
    public record Use(boolean granted, boolean firstRefusalToday, Instant resumesAt) {
    }
}
