package dev.carrierhub.carriers.resilience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ResilienceSettingsTest {
    private static final Duration ACCOUNT_TIMEOUT = Duration.ofSeconds(5);

    @Test
    void anAccountThatSetsNothingGetsTheDocumentedDefaults() {
        ResilienceSettings settings = ResilienceSettings.of(new ResilienceConfigStub(), ACCOUNT_TIMEOUT);

        assertThat(settings.rateLimit()).as("no local rate limit").isEmpty();
        assertThat(settings.breaker()).isEqualTo(new ResilienceSettings.Breaker(5, 0.5, 20, Duration.ofSeconds(30), 1));
        assertThat(settings.maxConcurrent()).isEqualTo(64);
        assertThat(settings.callTimeout()).as("the account's timeout").isEqualTo(ACCOUNT_TIMEOUT);
        assertThat(settings).isEqualTo(ResilienceSettings.defaults(ACCOUNT_TIMEOUT));
    }

    @Test
    void whatTheAccountSetsWins() {
        ResilienceSettings settings = ResilienceSettings.of(new ResilienceConfigStub() {
            @Override
            public Optional<Integer> rateLimitRequests() {
                return Optional.of(1_400);
            }

            @Override
            public Optional<Duration> rateLimitPer() {
                return Optional.of(Duration.ofSeconds(10));
            }

            @Override
            public Optional<Integer> breakerFailureThreshold() {
                return Optional.of(2);
            }

            @Override
            public Optional<Duration> breakerOpenDuration() {
                return Optional.of(Duration.ofMillis(500));
            }

            @Override
            public Optional<Integer> bulkheadMaxConcurrent() {
                return Optional.of(8);
            }

            @Override
            public Optional<Duration> callTimeout() {
                return Optional.of(Duration.ofSeconds(9));
            }
        }, ACCOUNT_TIMEOUT);

        assertThat(settings.rateLimit()).contains(new ResilienceSettings.RateLimit(1_400, Duration.ofSeconds(10)));
        assertThat(settings.breaker().failureThreshold()).isEqualTo(2);
        assertThat(settings.breaker().openDuration()).isEqualTo(Duration.ofMillis(500));
        assertThat(settings.breaker().failureRatio()).isEqualTo(0.5);
        assertThat(settings.maxConcurrent()).isEqualTo(8);
        assertThat(settings.callTimeout()).isEqualTo(Duration.ofSeconds(9));
    }

    @Test
    void aRateLimitWithoutAPeriodIsPerSecond() {
        ResilienceSettings settings = ResilienceSettings.of(new ResilienceConfigStub() {
            @Override
            public Optional<Integer> rateLimitRequests() {
                return Optional.of(10);
            }
        }, ACCOUNT_TIMEOUT);

        assertThat(settings.rateLimit()).contains(new ResilienceSettings.RateLimit(10, Duration.ofSeconds(1)));
    }

    @Test
    void settingsThatCannotWorkAreRefusedWithTheirName() {
        assertThatThrownBy(() -> new ResilienceSettings.RateLimit(0, Duration.ofSeconds(1)))
                .hasMessageContaining("rate-limit");
        assertThatThrownBy(() -> new ResilienceSettings.Breaker(5, 0, 20, Duration.ofSeconds(1), 1))
                .hasMessageContaining("breaker.failure-ratio");
        assertThatThrownBy(() -> new ResilienceSettings.Breaker(5, 0.5, 20, Duration.ZERO, 1))
                .hasMessageContaining("breaker.open-duration");
        assertThatThrownBy(() -> ResilienceSettings.defaults(Duration.ZERO)).hasMessageContaining("call-timeout");
    }
}
