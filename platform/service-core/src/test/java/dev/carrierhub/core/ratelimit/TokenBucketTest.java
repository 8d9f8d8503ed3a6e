package dev.carrierhub.core.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TokenBucketTest {
    private final AtomicLong now = new AtomicLong(1_000_000_000L);

    @Test
    void grantsTheBurstAtOnceThenRefusesWithTheWaitForTheNextToken() {
        TokenBucket bucket = new TokenBucket(2, 3, now::get);

        assertThat(IntStream.range(0, 3).mapToObj(i -> bucket.tryTake().granted())).containsOnly(true);
        TokenBucket.Take refused = bucket.tryTake();

        assertThat(refused.granted()).isFalse();
        assertThat(refused.retryAfter()).isEqualTo(Duration.ofMillis(500));
        assertThat(refused.retryAfterSeconds()).isEqualTo(1);
    }

    @Test
    void refillsAtTheRateButNeverBeyondTheBurst() {
        TokenBucket bucket = new TokenBucket(10, 2, now::get);
        bucket.tryTake();
        bucket.tryTake();

        now.addAndGet(Duration.ofMillis(100).toNanos());
        assertThat(bucket.tryTake().granted()).as("one token after 1/10 s").isTrue();
        assertThat(bucket.tryTake().granted()).isFalse();

        now.addAndGet(Duration.ofHours(1).toNanos());
        assertThat(bucket.tryTake().granted()).isTrue();
        assertThat(bucket.tryTake().granted()).isTrue();
        assertThat(bucket.tryTake().granted()).as("capped at the burst").isFalse();
    }

    @Test
    void aRefusalTakesNothing() {
        TokenBucket bucket = new TokenBucket(1, 1, now::get);
        bucket.tryTake();
        for (int i = 0; i < 100; i++) {
            assertThat(bucket.tryTake().granted()).isFalse();
        }

        now.addAndGet(Duration.ofSeconds(1).toNanos());
        assertThat(bucket.tryTake().granted()).isTrue();
    }

    @Test
    void aSlowRateGivesARetryAfterOfWholeSecondsRoundedUp() {
        TokenBucket bucket = new TokenBucket(0.4, 1, now::get);
        bucket.tryTake();

        TokenBucket.Take refused = bucket.tryTake();

        assertThat(refused.retryAfter()).isEqualTo(Duration.ofMillis(2500));
        assertThat(refused.retryAfterSeconds()).isEqualTo(3);
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 7, 42, 1234, 987654321})
    void overAnyStretchOfTimeGrantsAtMostTheBurstPlusTheRateTimesTheTime(long seed) {
        Random random = new Random(seed);
        double perSecond = 1 + random.nextInt(500);
        int burst = 1 + random.nextInt(50);
        TokenBucket bucket = new TokenBucket(perSecond, burst, now::get);
        long start = now.get();
        int granted = 0;
        for (int i = 0; i < 5_000; i++) {
            now.addAndGet(random.nextInt(5_000_000));
            if (bucket.tryTake().granted()) {
                granted++;
            }
        }
        double seconds = (now.get() - start) / 1e9;

        assertThat(granted).isLessThanOrEqualTo((int) Math.floor(burst + perSecond * seconds));
        // A bucket asked far more often than its rate hands out (nearly) all of it.
        assertThat(granted).isGreaterThanOrEqualTo((int) Math.min(5_000, Math.floor(perSecond * seconds)) - 1);
    }

    @Test
    void refusesSettingsThatMakeNoSense() {
        assertThatThrownBy(() -> new TokenBucket(0, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TokenBucket(Double.NaN, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TokenBucket(1, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
