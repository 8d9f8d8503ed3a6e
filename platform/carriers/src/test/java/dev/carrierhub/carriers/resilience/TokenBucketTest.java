package dev.carrierhub.carriers.resilience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class TokenBucketTest {
    private final ManualClock clock = new ManualClock();

    @Test
    void theWholeAllowanceMayBeUsedAtOnceAndThenTheNextCallWaitsForOneToken() {
        TokenBucket bucket = new TokenBucket(1_400, Duration.ofSeconds(10), clock::nanoTime);

        assertThat(IntStream.range(0, 1_400).mapToObj(i -> bucket.tryTake()).allMatch(TokenBucket.Take::granted))
                .isTrue();
        TokenBucket.Take refused = bucket.tryTake();

        assertThat(refused.granted()).isFalse();
        assertThat(refused.retryAfter()).as("10 s / 1400 tokens").isBetween(Duration.ofNanos(7_142_000),
                Duration.ofNanos(7_143_000));
    }

    @Test
    void tokensComeBackContinuouslyAtTheConfiguredRate() {
        TokenBucket bucket = new TokenBucket(2, Duration.ofSeconds(1), clock::nanoTime);
        bucket.tryTake();
        bucket.tryTake();

        assertThat(bucket.tryTake().retryAfter()).isEqualTo(Duration.ofMillis(500));
        clock.advance(Duration.ofMillis(499));
        assertThat(bucket.tryTake().granted()).isFalse();
        clock.advance(Duration.ofMillis(1));
        assertThat(bucket.tryTake().granted()).isTrue();
        assertThat(bucket.tryTake().granted()).isFalse();
    }

    @Test
    void aLongIdleTimeNeverSavesUpMoreThanTheAllowance() {
        TokenBucket bucket = new TokenBucket(3, Duration.ofSeconds(1), clock::nanoTime);
        clock.advance(Duration.ofHours(1));

        assertThat(IntStream.range(0, 4).mapToObj(i -> bucket.tryTake().granted()))
                .containsExactly(true, true, true, false);
    }

    @Test
    void aLimitMustAllowSomething() {
        assertThatThrownBy(() -> new TokenBucket(0, Duration.ofSeconds(1), clock::nanoTime))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TokenBucket(1, Duration.ZERO, clock::nanoTime))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
