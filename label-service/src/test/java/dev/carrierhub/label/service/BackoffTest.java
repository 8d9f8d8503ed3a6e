package dev.carrierhub.label.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BackoffTest {
    private static final Duration FIRST = Duration.ofSeconds(1);
    private static final Duration CAP = Duration.ofMinutes(5);

    @Test
    void theBackOffDoublesFromTheFirstRetryUpToTheCap() {
        Backoff backoff = new Backoff(FIRST, CAP);

        assertThat(backoff.ceiling(1)).isEqualTo(Duration.ofSeconds(1));
        assertThat(backoff.ceiling(2)).isEqualTo(Duration.ofSeconds(2));
        assertThat(backoff.ceiling(3)).isEqualTo(Duration.ofSeconds(4));
        assertThat(backoff.ceiling(9)).isEqualTo(Duration.ofSeconds(256));
        assertThat(backoff.ceiling(10)).isEqualTo(CAP);
        assertThat(backoff.ceiling(1_000)).as("no overflow however many attempts").isEqualTo(CAP);
        assertThat(backoff.ceiling(0)).isEqualTo(FIRST);
    }

    @Test
    void jitterKeepsEveryWaitBetweenHalfTheBackOffAndTheBackOff() {
        assertThat(new Backoff(FIRST, CAP, () -> 0.0).after(4, null)).isEqualTo(Duration.ofSeconds(4));
        assertThat(new Backoff(FIRST, CAP, () -> 0.5).after(4, null)).isEqualTo(Duration.ofSeconds(6));
        assertThat(new Backoff(FIRST, CAP, () -> 0.999_999).after(4, null)).isEqualTo(Duration.ofMillis(7_999));

        Backoff random = new Backoff(FIRST, CAP);
        for (int attempt = 1; attempt <= 20; attempt++) {
            Duration ceiling = random.ceiling(attempt);
            for (int draw = 0; draw < 200; draw++) {
                assertThat(random.after(attempt, null)).isBetween(ceiling.dividedBy(2), ceiling).isLessThanOrEqualTo(CAP);
            }
        }
    }

    @Test
    void jitterSpreadsBookingsThatFailedTogether() {
        Backoff random = new Backoff(FIRST, CAP);

        long distinct = java.util.stream.IntStream.range(0, 100).mapToObj(i -> random.after(8, null)).distinct().count();

        assertThat(distinct).isGreaterThan(50);
    }

    @Test
    void aCarriersRetryAfterIsHonouredWhenLongerEvenAboveTheCap() {
        Backoff backoff = new Backoff(FIRST, CAP, () -> 0.0);

        assertThat(backoff.after(1, Duration.ofSeconds(30))).isEqualTo(Duration.ofSeconds(30));
        assertThat(backoff.after(1, Duration.ofMinutes(10))).isEqualTo(Duration.ofMinutes(10));
        assertThat(backoff.after(5, Duration.ofSeconds(1))).as("a shorter Retry-After does not shorten the back-off")
                .isEqualTo(Duration.ofSeconds(8));
    }

    @Test
    void aBackOffThatCannotWorkIsRefused() {
        assertThatThrownBy(() -> new Backoff(Duration.ZERO, CAP)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Backoff(Duration.ofMinutes(6), CAP)).isInstanceOf(IllegalArgumentException.class);
    }
}
