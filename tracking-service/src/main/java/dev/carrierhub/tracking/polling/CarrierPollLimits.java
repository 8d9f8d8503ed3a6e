package dev.carrierhub.tracking.polling;

import dev.carrierhub.carriers.resilience.TokenBucket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.function.LongSupplier;

/**
 * One carrier's limits on look-ups: token buckets per second and per minute, then the daily quota. A look-up is
 * made only when every limit allows it.
 */
public final class CarrierPollLimits {
    private final List<TokenBucket> buckets = new ArrayList<>();
    private final DailyQuota quota;

    /**
     * @param perSecond spaced evenly (a bucket of one, refilled every 1/N s), so no second holds more than N
     * @param perMinute a bucket of N, refilled over a minute
     */
    public CarrierPollLimits(OptionalInt perSecond, OptionalInt perMinute, OptionalLong dailyQuota, Clock clock,
            LongSupplier nanoClock) {
        perSecond.ifPresent(n -> buckets.add(new TokenBucket(1, Duration.ofNanos(1_000_000_000L / n), nanoClock)));
        perMinute.ifPresent(n -> buckets.add(new TokenBucket(n, Duration.ofMinutes(1), nanoClock)));
        this.quota = dailyQuota.isPresent() ? new DailyQuota(dailyQuota.getAsLong(), clock) : null;
    }

    /** Asks every limit for one look-up now. */
    public synchronized Permit tryAcquire() {
        for (TokenBucket bucket : buckets) {
            TokenBucket.Take take = bucket.tryTake();
            if (!take.granted()) {
                return new Permit(Verdict.THROTTLED, take.retryAfter(), null, false);
            }
        }
        if (quota != null) {
            DailyQuota.Use use = quota.tryUse();
            if (!use.granted()) {
                return new Permit(Verdict.QUOTA_EXHAUSTED, Duration.ZERO, use.resumesAt(), use.firstRefusalToday());
            }
        }
        return new Permit(Verdict.GRANTED, Duration.ZERO, null, false);
    }

    public Optional<DailyQuota> quota() {
        return Optional.ofNullable(quota);
    }

    /** What the limits said about one look-up. */
    public enum Verdict {
        GRANTED,
        /** A rate limit: try again after {@code retryIn}. */
        THROTTLED,
        /** The day's quota is used up: wait for {@code resumesAt}. */
        QUOTA_EXHAUSTED
    }

    /**
     * @param firstRefusalToday the quota ran out just now (to be said once, not per tracker)
     */
    public record Permit(Verdict verdict, Duration retryIn, Instant resumesAt, boolean firstRefusalToday) {
    }
}
