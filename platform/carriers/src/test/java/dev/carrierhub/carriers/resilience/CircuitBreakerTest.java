package dev.carrierhub.carriers.resilience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.carrierhub.carriers.resilience.CircuitBreaker.Permit;
import dev.carrierhub.carriers.resilience.CircuitBreaker.State;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CircuitBreakerTest {
    private static final Duration OPEN = Duration.ofSeconds(30);

    private final ManualClock clock = new ManualClock();
    private final List<String> transitions = new ArrayList<>();

    private CircuitBreaker breaker(int threshold, double ratio, int window, int probes) {
        return new CircuitBreaker(threshold, ratio, window, OPEN, probes, clock::nanoTime,
                (from, to) -> transitions.add(from + "->" + to));
    }

    @Test
    void itOpensAfterTheThresholdOfFailuresInARowAndASuccessStartsTheCountAgain() {
        CircuitBreaker breaker = breaker(3, 1.0, 100, 1);

        fail(breaker, 2);
        succeed(breaker, 1);
        fail(breaker, 2);
        assertThat(breaker.state()).isEqualTo(State.CLOSED);

        fail(breaker, 1);
        assertThat(breaker.state()).isEqualTo(State.OPEN);
        assertThat(transitions).containsExactly("CLOSED->OPEN");
    }

    @Test
    void itOpensWhenTheFailureRatioOverAFullWindowIsReached() {
        CircuitBreaker breaker = breaker(100, 0.5, 4, 1);

        fail(breaker, 2);
        assertThat(breaker.state()).as("two failures of two calls: the window is not full yet")
                .isEqualTo(State.CLOSED);
        succeed(breaker, 1);
        assertThat(breaker.state()).as("a success never opens the breaker").isEqualTo(State.CLOSED);
        fail(breaker, 1);

        assertThat(breaker.state()).as("3 of 4 calls failed").isEqualTo(State.OPEN);
    }

    @Test
    void exactlyTheRatioIsEnough() {
        CircuitBreaker breaker = breaker(100, 0.5, 4, 1);

        succeed(breaker, 2);
        fail(breaker, 2);

        assertThat(breaker.state()).as("2 of 4 = 0.5").isEqualTo(State.OPEN);
    }

    @Test
    void theWindowSlidesSoOldFailuresAreForgotten() {
        CircuitBreaker breaker = breaker(100, 0.5, 4, 1);

        fail(breaker, 1);
        succeed(breaker, 4);
        fail(breaker, 1);

        assertThat(breaker.state()).as("the first failure has left the window: 1 of 4").isEqualTo(State.CLOSED);
    }

    @Test
    void anOpenBreakerRefusesUntilItsTimeIsUpThenLetsOneProbeThrough() {
        CircuitBreaker breaker = breaker(1, 1.0, 10, 1);
        fail(breaker, 1);

        assertThat(breaker.acquire()).isNull();
        clock.advance(Duration.ofSeconds(10));
        assertThat(breaker.remainingOpen()).isEqualTo(Duration.ofSeconds(20));
        assertThat(breaker.acquire()).isNull();

        clock.advance(Duration.ofSeconds(20));
        assertThat(breaker.state()).isEqualTo(State.HALF_OPEN);
        assertThat(breaker.remainingOpen()).isZero();
        Permit probe = breaker.acquire();
        assertThat(probe).isNotNull();
        assertThat(probe.probe()).isTrue();
        assertThat(breaker.acquire()).as("one probe at a time").isNull();

        breaker.onSuccess(probe);
        assertThat(breaker.state()).isEqualTo(State.CLOSED);
        assertThat(breaker.acquire()).isNotNull();
        assertThat(transitions).containsExactly("CLOSED->OPEN", "OPEN->HALF_OPEN", "HALF_OPEN->CLOSED");
    }

    @Test
    void aFailedProbeOpensTheBreakerForAnotherFullPeriod() {
        CircuitBreaker breaker = breaker(1, 1.0, 10, 1);
        fail(breaker, 1);
        clock.advance(OPEN);

        breaker.onFailure(breaker.acquire());

        assertThat(breaker.state()).isEqualTo(State.OPEN);
        assertThat(breaker.remainingOpen()).isEqualTo(OPEN);
        assertThat(transitions).containsExactly("CLOSED->OPEN", "OPEN->HALF_OPEN", "HALF_OPEN->OPEN");
    }

    @Test
    void withSeveralProbesEveryOneMustSucceedBeforeItCloses() {
        CircuitBreaker breaker = breaker(1, 1.0, 10, 2);
        fail(breaker, 1);
        clock.advance(OPEN);

        Permit first = breaker.acquire();
        Permit second = breaker.acquire();
        assertThat(breaker.acquire()).isNull();
        breaker.onSuccess(first);
        assertThat(breaker.state()).isEqualTo(State.HALF_OPEN);
        assertThat(breaker.acquire()).as("the first probe's place is not given out again").isNull();
        breaker.onSuccess(second);

        assertThat(breaker.state()).isEqualTo(State.CLOSED);
    }

    @Test
    void aProbeThatSaysNothingFreesItsPlaceForTheNextOne() {
        CircuitBreaker breaker = breaker(1, 1.0, 10, 1);
        fail(breaker, 1);
        clock.advance(OPEN);

        breaker.onIgnored(breaker.acquire());
        Permit next = breaker.acquire();

        assertThat(next).isNotNull();
        assertThat(breaker.state()).isEqualTo(State.HALF_OPEN);
    }

    @Test
    void anAnswerToACallPermittedBeforeTheBreakerOpenedDoesNotMoveIt() {
        CircuitBreaker breaker = breaker(2, 1.0, 10, 1);
        Permit early = breaker.acquire();
        fail(breaker, 2);
        clock.advance(OPEN);
        Permit probe = breaker.acquire();

        breaker.onSuccess(early);
        assertThat(breaker.state()).as("only the probe decides").isEqualTo(State.HALF_OPEN);
        breaker.onFailure(early);
        assertThat(breaker.state()).isEqualTo(State.HALF_OPEN);
        breaker.onSuccess(probe);
        assertThat(breaker.state()).isEqualTo(State.CLOSED);
    }

    @Test
    void afterClosingTheCountStartsFromNothing() {
        CircuitBreaker breaker = breaker(2, 1.0, 10, 1);
        fail(breaker, 2);
        clock.advance(OPEN);
        breaker.onSuccess(breaker.acquire());

        fail(breaker, 1);

        assertThat(breaker.state()).isEqualTo(State.CLOSED);
    }

    @Test
    void nonsenseSettingsAreRefused() {
        assertThatThrownBy(() -> breaker(0, 0.5, 10, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> breaker(1, 0, 10, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> breaker(1, 1.5, 10, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> breaker(1, 0.5, 0, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> breaker(1, 0.5, 10, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CircuitBreaker(1, 0.5, 10, Duration.ZERO, 1, clock::nanoTime, (a, b) -> { }))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static void fail(CircuitBreaker breaker, int times) {
        for (int i = 0; i < times; i++) {
            breaker.onFailure(breaker.acquire());
        }
    }

    private static void succeed(CircuitBreaker breaker, int times) {
        for (int i = 0; i < times; i++) {
            breaker.onSuccess(breaker.acquire());
        }
    }
}
