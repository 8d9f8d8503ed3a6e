package dev.carrierhub.intake.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.carrierhub.core.problem.ProblemException;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WebhookRateLimiterTest {

    @Test
    void eachTenantHasItsOwnBucketAndARefusalSaysWhenToRetry() {
        WebhookRateLimiter limiter = new WebhookRateLimiter(TestTenants.of(Map.of(
                "acme.webhook-token", "a", "acme.rate-limit.per-second", "0.25", "acme.rate-limit.burst", "2",
                "globex.webhook-token", "g", "globex.rate-limit.burst", "1")));

        limiter.take("acme");
        limiter.take("acme");
        assertThatThrownBy(() -> limiter.take("acme")).isInstanceOfSatisfying(ProblemException.class, e -> {
            assertThat(e.problem().status()).isEqualTo(429);
            assertThat(e.problem().type()).endsWith("/rate-limited");
            assertThat(e.headers()).containsEntry("Retry-After", "4");
        });
        limiter.take("globex");
        assertThatThrownBy(() -> limiter.take("globex")).isInstanceOf(ProblemException.class);
    }

    @Test
    void refusesToStartWithALimitThatMakesNoSense() {
        assertThatThrownBy(() -> new WebhookRateLimiter(TestTenants.of(Map.of(
                "acme.webhook-token", "a", "acme.rate-limit.burst", "0"))))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("carrierhub.tenants.acme.rate-limit");
    }
}
