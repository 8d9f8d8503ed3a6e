package dev.carrierhub.rating.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class RatingOverheadTimerTest {
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final RatingOverheadTimer overhead = new RatingOverheadTimer(meters);

    @Test
    void recordsTheHandlingTimeWithoutTheCarrierCalls() {
        overhead.record(Duration.ofMillis(130), Duration.ofMillis(120));

        Timer timer = meters.get(RatingOverheadTimer.NAME).timer();
        assertThat(timer.count()).isEqualTo(1);
        assertThat(timer.totalTime(TimeUnit.MILLISECONDS)).isEqualTo(10.0);
    }

    @Test
    void aCarrierTimeLongerThanTheHandlingCountsAsNoOverheadRatherThanANegativeOne() {
        overhead.record(Duration.ofMillis(5), Duration.ofMillis(6));

        assertThat(meters.get(RatingOverheadTimer.NAME).timer().totalTime(TimeUnit.NANOSECONDS)).isZero();
    }

    @Test
    void theLatencyGoalIsABucketBoundarySoItsShareIsExact() {
        overhead.record(Duration.ofMillis(19), Duration.ZERO);
        overhead.record(Duration.ofMillis(21), Duration.ZERO);

        var atGoal = Arrays.stream(meters.get(RatingOverheadTimer.NAME).timer().takeSnapshot().histogramCounts())
                .filter(bucket -> bucket.bucket(TimeUnit.MILLISECONDS) == 20.0).findFirst().orElseThrow();
        assertThat(atGoal.count()).isEqualTo(1);
    }
}
