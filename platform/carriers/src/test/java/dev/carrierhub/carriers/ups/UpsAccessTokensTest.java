package dev.carrierhub.carriers.ups;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.carrierhub.carriers.CarrierErrorKind;
import dev.carrierhub.carriers.CarrierException;
import dev.carrierhub.carriers.ups.UpsResponseMapper.AccessToken;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class UpsAccessTokensTest {
    private final TestClock clock = new TestClock(Instant.parse("2026-11-26T12:00:00Z"));
    private final AtomicInteger fetches = new AtomicInteger();

    @Test
    void aTokenIsFetchedOnceAndKeptUntilAMinuteBeforeItExpires() {
        UpsAccessTokens tokens = new UpsAccessTokens(() -> answer(Duration.ofHours(4)), clock);

        assertThat(tokens.current().join()).isEqualTo("token-1");
        clock.advance(Duration.ofHours(4).minusSeconds(61));
        assertThat(tokens.current().join()).isEqualTo("token-1");
        clock.advance(Duration.ofSeconds(1));
        assertThat(tokens.current().join()).isEqualTo("token-2");
    }

    @Test
    void aShortLivedTokenIsRenewedAtHalfItsLife() {
        UpsAccessTokens tokens = new UpsAccessTokens(() -> answer(Duration.ofSeconds(60)), clock);

        tokens.current().join();
        clock.advance(Duration.ofSeconds(29));
        assertThat(tokens.current().join()).isEqualTo("token-1");
        clock.advance(Duration.ofSeconds(1));
        assertThat(tokens.current().join()).isEqualTo("token-2");
    }

    @Test
    void callersWaitingTogetherShareOneFetch() {
        CompletableFuture<AccessToken> slow = new CompletableFuture<>();
        UpsAccessTokens tokens = new UpsAccessTokens(() -> {
            fetches.incrementAndGet();
            return slow;
        }, clock);

        CompletableFuture<String> first = tokens.current();
        CompletableFuture<String> second = tokens.current();
        slow.complete(new AccessToken("shared", Duration.ofHours(1)));

        assertThat(first.join()).isEqualTo("shared");
        assertThat(second.join()).isEqualTo("shared");
        assertThat(fetches).hasValue(1);
    }

    @Test
    void aFailedFetchFailsItsWaitersAndTheNextCallFetchesAgain() {
        AtomicInteger attempt = new AtomicInteger();
        UpsAccessTokens tokens = new UpsAccessTokens(() -> attempt.incrementAndGet() == 1
                ? CompletableFuture.failedFuture(new CarrierException(CarrierErrorKind.AUTH_FAILED, "no"))
                : CompletableFuture.completedFuture(new AccessToken("second", Duration.ofHours(1))), clock);

        assertThatThrownBy(() -> tokens.current().join()).isInstanceOf(CompletionException.class)
                .hasCauseInstanceOf(CarrierException.class);
        assertThat(tokens.current().join()).isEqualTo("second");
    }

    @Test
    void invalidatingDropsOnlyTheRefusedToken() {
        UpsAccessTokens tokens = new UpsAccessTokens(() -> answer(Duration.ofHours(4)), clock);
        String first = tokens.current().join();

        tokens.invalidate("some-older-token");
        assertThat(tokens.current().join()).isEqualTo(first);
        tokens.invalidate(first);
        assertThat(tokens.current().join()).isEqualTo("token-2");
    }

    private CompletableFuture<AccessToken> answer(Duration life) {
        return CompletableFuture.completedFuture(new AccessToken("token-" + fetches.incrementAndGet(), life));
    }
}
