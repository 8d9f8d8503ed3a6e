package dev.carrierhub.intake.writeback;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RetryScheduleTest {
    private final RetrySchedule schedule = new RetrySchedule(Duration.ofSeconds(1), Duration.ofMinutes(5),
            Duration.ofHours(24));
    private final Instant now = Instant.parse("2026-11-26T12:00:00Z");

    @Test
    void backOffDoublesUpToItsCap() {
        assertThat(schedule.backoff(1)).isEqualTo(Duration.ofSeconds(1));
        assertThat(schedule.backoff(2)).isEqualTo(Duration.ofSeconds(2));
        assertThat(schedule.backoff(5)).isEqualTo(Duration.ofSeconds(16));
        assertThat(schedule.backoff(9)).isEqualTo(Duration.ofSeconds(256));
        assertThat(schedule.backoff(10)).isEqualTo(Duration.ofMinutes(5));
        assertThat(schedule.backoff(10_000)).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void odooAskingForALongerWaitIsHonoured() {
        assertThat(schedule.nextAttempt(1, now, Duration.ofSeconds(30))).isEqualTo(now.plusSeconds(30));
        assertThat(schedule.nextAttempt(3, now, Duration.ofMillis(10))).isEqualTo(now.plusSeconds(4));
        assertThat(schedule.nextAttempt(3, now, null)).isEqualTo(now.plusSeconds(4));
    }

    @Test
    void givesUpOnceTheWriteHasFailedForTheConfiguredTimeSinceItsFirstAttempt() {
        Instant first = now.minus(Duration.ofHours(24));
        assertThat(schedule.givesUp(first.plusSeconds(1), now)).isFalse();
        assertThat(schedule.givesUp(first, now)).isTrue();
        assertThat(schedule.givesUp(null, now)).as("never tried").isFalse();
    }
}
