package dev.carrierhub.odoo.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The breaker's state machine, on a clock the test moves by hand. */
class CircuitBreakerTest {
    private final AtomicLong now = new AtomicLong();
    private final CircuitBreaker breaker = new CircuitBreaker(3, Duration.ofSeconds(30), now::get, "test");

    private void fail(int times) {
        for (int i = 0; i < times; i++) {
            assertThat(breaker.tryAcquire()).isTrue();
            breaker.onFailure();
        }
    }

    private void advance(Duration by) {
        now.addAndGet(by.toNanos());
    }

    @Test
    void staysClosedBelowTheThreshold() {
        fail(2);

        assertThat(breaker.state()).isEqualTo(OdooCircuitState.CLOSED);
        assertThat(breaker.tryAcquire()).isTrue();
    }

    @Test
    void aSuccessResetsTheCountOfConsecutiveFailures() {
        fail(2);
        breaker.onSuccess();
        fail(2);

        assertThat(breaker.state()).isEqualTo(OdooCircuitState.CLOSED);
    }

    @Test
    void opensAtTheThresholdAndRejectsUntilTheDelayHasPassed() {
        fail(3);

        assertThat(breaker.state()).isEqualTo(OdooCircuitState.OPEN);
        assertThat(breaker.tryAcquire()).isFalse();
        advance(Duration.ofSeconds(10));
        assertThat(breaker.tryAcquire()).isFalse();
        assertThat(breaker.remainingOpen()).isEqualTo(Duration.ofSeconds(20));
    }

    @Test
    void afterTheDelayOneTrialGoesThroughAndItsSuccessCloses() {
        fail(3);
        advance(Duration.ofSeconds(30));

        assertThat(breaker.tryAcquire()).isTrue();
        assertThat(breaker.state()).isEqualTo(OdooCircuitState.HALF_OPEN);
        assertThat(breaker.tryAcquire()).as("a second call while the trial is in flight").isFalse();
        breaker.onSuccess();
        assertThat(breaker.state()).isEqualTo(OdooCircuitState.CLOSED);
        assertThat(breaker.tryAcquire()).isTrue();
    }

    @Test
    void aFailedTrialReopensForAnotherFullDelay() {
        fail(3);
        advance(Duration.ofSeconds(30));
        assertThat(breaker.tryAcquire()).isTrue();

        breaker.onFailure();

        assertThat(breaker.state()).isEqualTo(OdooCircuitState.OPEN);
        assertThat(breaker.remainingOpen()).isEqualTo(Duration.ofSeconds(30));
        advance(Duration.ofSeconds(29));
        assertThat(breaker.tryAcquire()).isFalse();
    }

    @Test
    void anAbandonedTrialLetsTheNextCallTry() {
        fail(3);
        advance(Duration.ofSeconds(30));
        assertThat(breaker.tryAcquire()).isTrue();

        breaker.onAbandoned();

        assertThat(breaker.state()).isEqualTo(OdooCircuitState.HALF_OPEN);
        assertThat(breaker.tryAcquire()).isTrue();
    }
}
