package dev.carrierhub.tracking.polling;

import static org.assertj.core.api.Assertions.assertThat;

import dev.carrierhub.contracts.events.Milestone;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PollScheduleTest {
    private static final Instant LABELED = Instant.parse("2025-03-01T10:00:00Z");

    private static PollSchedule schedule(double draw) {
        return new PollSchedule(Duration.ofMinutes(30), Duration.ofHours(6), Duration.ofHours(1), Duration.ofDays(60),
                () -> draw);
    }

    @Test
    void theFirstLookUpWaitsForTheFirstDelayButNeverLiesInThePast() {
        assertThat(schedule(0).first(LABELED, LABELED.plusSeconds(5))).isEqualTo(LABELED.plus(Duration.ofHours(1)));
        Instant late = LABELED.plus(Duration.ofHours(3));
        assertThat(schedule(0).first(LABELED, late)).isEqualTo(late);
    }

    @Test
    void anAnswerSchedulesTheNextLookUpUntilAFinalMilestone() {
        Instant now = LABELED.plus(Duration.ofHours(2));
        assertThat(schedule(0).afterAnswer(Milestone.IN_TRANSIT, now)).contains(now.plus(Duration.ofMinutes(30)));
        assertThat(schedule(0).afterAnswer(Milestone.EXCEPTION, now)).isPresent();
        assertThat(schedule(0).afterAnswer(Milestone.DELIVERED, now)).isEmpty();
        assertThat(schedule(0).afterAnswer(Milestone.RETURNED_TO_SENDER, now)).isEmpty();
        assertThat(schedule(0).afterAnswer(Milestone.CANCELLED, now)).isEmpty();
    }

    @Test
    void backOffDoublesWithJitterUpToTheMaximumInterval() {
        // The lowest draw takes half the ceiling, the highest almost all of it.
        assertThat(schedule(0).backoff(1, Optional.empty())).isEqualTo(Duration.ofMinutes(15));
        assertThat(schedule(0).backoff(2, Optional.empty())).isEqualTo(Duration.ofMinutes(30));
        assertThat(schedule(0).backoff(3, Optional.empty())).isEqualTo(Duration.ofMinutes(60));
        assertThat(schedule(0.999).backoff(3, Optional.empty()))
                .isBetween(Duration.ofMinutes(119), Duration.ofMinutes(120));
        assertThat(schedule(0.999).backoff(50, Optional.empty())).isLessThanOrEqualTo(Duration.ofHours(6))
                .isGreaterThan(Duration.ofHours(5));
        assertThat(schedule(0).backoff(50, Optional.empty())).isEqualTo(Duration.ofHours(3));
    }

    @Test
    void backOffIsNeverShorterThanTheCarriersRetryAfter() {
        assertThat(schedule(0).backoff(1, Optional.of(Duration.ofHours(2)))).isEqualTo(Duration.ofHours(2));
        assertThat(schedule(0).backoff(1, Optional.of(Duration.ofSeconds(5)))).isEqualTo(Duration.ofMinutes(15));
    }

    @Test
    void pollingExpiresAtTheMaximumAge() {
        assertThat(schedule(0).expired(LABELED, LABELED.plus(Duration.ofDays(59)))).isFalse();
        assertThat(schedule(0).expired(LABELED, LABELED.plus(Duration.ofDays(60)))).isTrue();
    }
}
