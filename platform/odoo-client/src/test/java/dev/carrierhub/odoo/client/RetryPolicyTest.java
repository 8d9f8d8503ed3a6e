package dev.carrierhub.odoo.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Seeded property checks of the retry decision and the back-off (in place of jqwik, which needs JUnit 5). */
class RetryPolicyTest {
    private static final OdooResilience SETTINGS = new OdooResilience(6, Duration.ofMillis(100), Duration.ofSeconds(2),
            0.5, 5, Duration.ofSeconds(30));
    private static final OdooError ERROR = OdooError.of("stock.picking.write", "x", 0);

    static Stream<Long> seeds() {
        return IntStream.range(0, 25).mapToObj(i -> 7919L * i + 1);
    }

    static Stream<Arguments> neverRetried() {
        return Stream.of(new OdooAccessException(ERROR), new OdooMissingRecordException(ERROR),
                        new OdooValidationException(ERROR), new OdooConfigurationException(ERROR),
                        new OdooProtocolException(ERROR), new OdooServerException(ERROR),
                        new OdooCircuitOpenException(ERROR, Duration.ofSeconds(1)))
                .flatMap(failure -> Stream.of(Arguments.of(failure, true), Arguments.of(failure, false)));
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void backoffDoublesIsCappedAndJitterOnlyShortensIt(long seed) {
        Random random = new Random(seed);
        RetryPolicy policy = new RetryPolicy(SETTINGS, random::nextDouble);

        for (int attempt = 1; attempt <= 8; attempt++) {
            long nominal = Math.min(100L << (attempt - 1), 2_000L);
            Duration delay = policy.backoff(attempt);
            assertThat(delay).isLessThanOrEqualTo(Duration.ofMillis(nominal))
                    .isGreaterThanOrEqualTo(Duration.ofMillis(nominal / 2));
        }
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void jitterSpreadsCallersOut(long seed) {
        Random random = new Random(seed);
        RetryPolicy policy = new RetryPolicy(SETTINGS, random::nextDouble);

        List<Duration> delays = IntStream.range(0, 20).mapToObj(i -> policy.backoff(3)).distinct().toList();

        assertThat(delays).hasSizeGreaterThan(10);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void transientAndConcurrencyFailuresAreRetriedUntilTheAttemptsRunOut(long seed) {
        Random random = new Random(seed);
        RetryPolicy policy = new RetryPolicy(SETTINGS, random::nextDouble);
        boolean idempotent = random.nextBoolean();
        OdooException failure = random.nextBoolean() ? new OdooConcurrencyException(ERROR)
                : new OdooTransientException(ERROR, false, null, null);

        for (int attempt = 1; attempt < SETTINGS.maxAttempts(); attempt++) {
            assertThat(policy.delayBeforeRetry(failure, idempotent, attempt)).isPresent();
        }
        assertThat(policy.delayBeforeRetry(failure, idempotent, SETTINGS.maxAttempts())).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("neverRetried")
    void failuresARepeatCannotCureAreNeverRetried(OdooException failure, boolean idempotent) {
        RetryPolicy policy = new RetryPolicy(SETTINGS, () -> 0.5);

        assertThat(policy.delayBeforeRetry(failure, idempotent, 1)).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void aCallThatMayHaveRunIsRetriedOnlyWhenIdempotent(long seed) {
        Random random = new Random(seed);
        RetryPolicy policy = new RetryPolicy(SETTINGS, random::nextDouble);
        OdooException unknownOutcome = random.nextBoolean() ? new OdooTimeoutException(ERROR, null)
                : new OdooTransientException(ERROR, true, null, null);

        assertThat(policy.delayBeforeRetry(unknownOutcome, true, 1)).isPresent();
        assertThat(policy.delayBeforeRetry(unknownOutcome, false, 1)).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void retryAfterIsHonouredWithinTheCap(long seed) {
        Random random = new Random(seed);
        RetryPolicy policy = new RetryPolicy(SETTINGS, random::nextDouble);
        Duration asked = Duration.ofMillis(random.nextInt(2_000) + 1);
        Duration tooLong = Duration.ofMillis(2_001 + random.nextInt(100_000));

        assertThat(policy.delayBeforeRetry(new OdooTransientException(ERROR, false, asked, null), false, 1))
                .hasValueSatisfying(delay -> assertThat(delay).isGreaterThanOrEqualTo(asked));
        assertThat(policy.delayBeforeRetry(new OdooTransientException(ERROR, false, tooLong, null), true, 1)).isEmpty();
    }
}
