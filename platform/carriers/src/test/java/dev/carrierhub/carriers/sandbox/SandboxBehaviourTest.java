package dev.carrierhub.carriers.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class SandboxBehaviourTest {

    @Test
    void theSameSeedDrawsTheSameFailures() {
        assertThat(draws(new SandboxBehaviour(7).failureRate(0.3))).isEqualTo(draws(new SandboxBehaviour(7).failureRate(0.3)));
        assertThat(draws(new SandboxBehaviour(7).failureRate(0.3))).isNotEqualTo(draws(new SandboxBehaviour(8).failureRate(0.3)));
    }

    @Test
    void reseedingRestartsTheSequence() {
        SandboxBehaviour behaviour = new SandboxBehaviour(7).failureRate(0.3);
        List<Boolean> first = draws(behaviour);

        assertThat(draws(behaviour.seed(7))).isEqualTo(first);
    }

    @Test
    void aRateOfZeroNeverFailsAndOneAlwaysDoes() {
        assertThat(draws(new SandboxBehaviour(1))).containsOnly(false);
        assertThat(draws(new SandboxBehaviour(1).failureRate(1))).containsOnly(true);
    }

    @Test
    void refusesSharesOutsideZeroToOne() {
        SandboxBehaviour behaviour = new SandboxBehaviour(1);

        assertThatThrownBy(() -> behaviour.failureRate(1.01)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> behaviour.rateLimitRate(-0.1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> behaviour.failureRate(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> behaviour.latency(Duration.ofMillis(-1))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void holdsRequestsOnlyDuringAHangAndServesThemOnRelease() {
        SandboxBehaviour behaviour = new SandboxBehaviour(1);
        AtomicInteger served = new AtomicInteger();
        AtomicInteger discarded = new AtomicInteger();

        assertThat(behaviour.hold("POST /v1/rates", served::incrementAndGet, discarded::incrementAndGet)).isFalse();
        behaviour.hang();
        assertThat(behaviour.hold("POST /v1/rates", served::incrementAndGet, discarded::incrementAndGet)).isTrue();
        assertThat(behaviour.hold("POST /v1/shipments", served::incrementAndGet, discarded::incrementAndGet)).isTrue();
        assertThat(served).hasValue(0);
        assertThat(behaviour.heldRequests()).containsExactly("POST /v1/rates", "POST /v1/shipments");

        behaviour.release();

        assertThat(served).hasValue(2);
        assertThat(discarded).hasValue(0);
        assertThat(behaviour.hanging()).isFalse();
        assertThat(behaviour.heldRequests()).isEmpty();
    }

    @Test
    void discardingEndsAHangWithoutServingWhatItHeld() {
        SandboxBehaviour behaviour = new SandboxBehaviour(1).hang();
        AtomicInteger served = new AtomicInteger();
        AtomicInteger discarded = new AtomicInteger();
        behaviour.hold("POST /v1/shipments", served::incrementAndGet, discarded::incrementAndGet);

        behaviour.discardHeld();

        assertThat(discarded).hasValue(1);
        assertThat(served).hasValue(0);
        assertThat(behaviour.hanging()).isFalse();
        assertThat(behaviour.heldRequests()).isEmpty();
        behaviour.release();
        assertThat(served).as("a discarded request is never served later").hasValue(0);
    }

    @Test
    void resetReleasesAndClearsEverySwitch() {
        AtomicInteger served = new AtomicInteger();
        SandboxBehaviour behaviour = new SandboxBehaviour(1).latency(Duration.ofSeconds(1)).failureRate(0.5)
                .rateLimitRate(0.5).retryAfter(Duration.ofSeconds(9)).outage(true).hang();
        behaviour.hold("POST /v1/rates", served::incrementAndGet, () -> { });

        behaviour.reset();

        assertThat(served).hasValue(1);
        assertThat(behaviour.latency()).isZero();
        assertThat(behaviour.failureRate()).isZero();
        assertThat(behaviour.rateLimitRate()).isZero();
        assertThat(behaviour.retryAfter()).isEqualTo(Duration.ofSeconds(1));
        assertThat(behaviour.outage()).isFalse();
    }

    private static List<Boolean> draws(SandboxBehaviour behaviour) {
        List<Boolean> draws = new ArrayList<>();
        IntStream.range(0, 50).forEach(i -> draws.add(behaviour.drawFailure()));
        return draws;
    }
}
