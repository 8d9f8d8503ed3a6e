package dev.carrierhub.carriers.ups;

import dev.carrierhub.carriers.ups.UpsResponseMapper.AccessToken;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

/**
 * The OAuth token of one UPS account, fetched once and shared by every call until shortly before it
 * expires. Concurrent callers that find no valid token wait for one fetch together instead of each asking
 * UPS. A token UPS refuses (401) is dropped with {@link #invalidate} so the next call fetches a new one.
 * The token itself is never logged or put in a message.
 */
final class UpsAccessTokens {
    /** Renew this long before the token expires, so a call never leaves with a token about to die. */
    static final Duration RENEW_BEFORE_EXPIRY = Duration.ofSeconds(60);

    private final Supplier<CompletionStage<AccessToken>> fetch;
    private final Clock clock;
    private Cached cached;
    private CompletableFuture<Cached> pending;

    /** @param fetch asks UPS for a new token; its stage fails with a {@code CarrierException} */
    UpsAccessTokens(Supplier<CompletionStage<AccessToken>> fetch, Clock clock) {
        this.fetch = Objects.requireNonNull(fetch, "fetch");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** A valid token: the cached one, or a new one when there is none or it is about to expire. */
    synchronized CompletableFuture<String> current() {
        if (cached != null && clock.instant().isBefore(cached.renewAt())) {
            return CompletableFuture.completedFuture(cached.value());
        }
        CompletableFuture<Cached> waiting = pending;
        if (waiting == null) {
            CompletableFuture<Cached> fetching = new CompletableFuture<>();
            pending = fetching;
            waiting = fetching;
            CompletionStage<AccessToken> asked;
            try {
                asked = fetch.get();
            } catch (RuntimeException failedToAsk) {
                asked = CompletableFuture.failedFuture(failedToAsk);
            }
            // May run at once on this thread (the lock is reentrant); settle clears pending either way.
            asked.whenComplete((token, failure) -> settle(fetching, token, failure));
        }
        return waiting.thenApply(Cached::value);
    }

    /** Drops {@code token} if it is still the cached one (a newer token fetched meanwhile is kept). */
    synchronized void invalidate(String token) {
        if (cached != null && cached.value().equals(token)) {
            cached = null;
        }
    }

    private void settle(CompletableFuture<Cached> fetching, AccessToken token, Throwable failure) {
        Cached fresh = null;
        synchronized (this) {
            if (failure == null) {
                Instant now = clock.instant();
                Duration life = token.expiresIn();
                // A short-lived token is renewed at half its life rather than at once.
                Duration margin = life.compareTo(RENEW_BEFORE_EXPIRY.multipliedBy(2)) < 0
                        ? life.dividedBy(2) : RENEW_BEFORE_EXPIRY;
                fresh = new Cached(token.value(), now.plus(life).minus(margin));
                cached = fresh;
            }
            if (pending == fetching) {
                pending = null;
            }
        }
        if (failure == null) {
            fetching.complete(fresh);
        } else {
            fetching.completeExceptionally(failure);
        }
    }

    private record Cached(String value, Instant renewAt) {
        @Override
        public String toString() {
            return "Cached[value=***, renewAt=" + renewAt + "]";
        }
    }
}
