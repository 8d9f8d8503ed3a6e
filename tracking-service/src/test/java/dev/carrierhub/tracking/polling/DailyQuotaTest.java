package dev.carrierhub.tracking.polling;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class DailyQuotaTest {

    /** A clock the test moves by hand. */
    static final class TestClock extends Clock {
        Instant now;

        TestClock(Instant now) {
            this.now = now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void aQuotaOfKGrantsKLookUpsAndThenRefusesUntilMidnightUtc() {
        TestClock clock = new TestClock(Instant.parse("2025-03-01T22:00:00Z"));
        DailyQuota quota = new DailyQuota(3, clock);

        assertThat(quota.tryUse().granted()).isTrue();
        assertThat(quota.tryUse().granted()).isTrue();
        assertThat(quota.remaining()).isEqualTo(1);
        assertThat(quota.tryUse().granted()).isTrue();
        DailyQuota.Use refused = quota.tryUse();

        assertThat(refused.granted()).isFalse();
        assertThat(refused.firstRefusalToday()).isTrue();
        assertThat(refused.resumesAt()).isEqualTo(Instant.parse("2025-03-02T00:00:00Z"));
        // Said once a day, not once per tracker.
        assertThat(quota.tryUse().firstRefusalToday()).isFalse();
        assertThat(quota.remaining()).isZero();

        clock.now = Instant.parse("2025-03-01T23:59:59Z");
        assertThat(quota.tryUse().granted()).isFalse();
        clock.now = Instant.parse("2025-03-02T00:00:00Z");
        assertThat(quota.remaining()).isEqualTo(3);
        assertThat(quota.tryUse().granted()).isTrue();
    }

    @Test
    void theRateLimitSpacesLookUpsSoNoSecondHoldsMoreThanN() {
        AtomicLong nanos = new AtomicLong();
        TestClock clock = new TestClock(Instant.parse("2025-03-01T10:00:00Z"));
        CarrierPollLimits limits = new CarrierPollLimits(OptionalInt.of(4), OptionalInt.empty(), OptionalLong.of(6),
                clock, nanos::get);

        int granted = 0;
        // 2 s in 10 ms steps: 4 per second at most, and the quota of 6 ends it.
        for (int step = 0; step < 200; step++) {
            CarrierPollLimits.Permit permit = limits.tryAcquire();
            if (permit.verdict() == CarrierPollLimits.Verdict.GRANTED) {
                granted++;
            }
            if (step == 99) {
                assertThat(granted).isEqualTo(4);
            }
            nanos.addAndGet(Duration.ofMillis(10).toNanos());
        }
        assertThat(granted).isEqualTo(6);
        CarrierPollLimits.Permit last = limits.tryAcquire();
        // At this instant the bucket may refuse first; once it has a token, the quota refuses.
        nanos.addAndGet(Duration.ofSeconds(1).toNanos());
        assertThat(limits.tryAcquire().verdict()).isEqualTo(CarrierPollLimits.Verdict.QUOTA_EXHAUSTED);
        assertThat(last.verdict()).isNotEqualTo(CarrierPollLimits.Verdict.GRANTED);
    }
}
