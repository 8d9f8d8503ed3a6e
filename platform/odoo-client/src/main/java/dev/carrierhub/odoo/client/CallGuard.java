package dev.carrierhub.odoo.client;

import io.smallrye.mutiny.Uni;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/** Runs each call of one connection through its circuit breaker, the per-attempt timeout and the retry policy. */
final class CallGuard {
    private static final Logger LOG = Logger.getLogger(CallGuard.class);
    private final OdooConnection connection;
    private final RetryPolicy retry;
    private final CircuitBreaker breaker;
    private final Function<Duration, Uni<Void>> sleeper;

    CallGuard(OdooConnection connection, RetryPolicy retry, CircuitBreaker breaker, Function<Duration, Uni<Void>> sleeper) {
        this.connection = connection;
        this.retry = retry;
        this.breaker = breaker;
        this.sleeper = sleeper;
    }

    <T> Uni<T> call(String operation, boolean idempotent, Supplier<Uni<T>> attempt) {
        return attempt(operation, idempotent, attempt, 1);
    }

    OdooCircuitState circuitState() {
        return breaker.state();
    }

    private <T> Uni<T> attempt(String operation, boolean idempotent, Supplier<Uni<T>> attempt, int number) {
        return once(operation, attempt).onFailure().recoverWithUni(failure -> {
            if (!(failure instanceof OdooException odoo)) {
                return Uni.createFrom().failure(failure);
            }
            Optional<Duration> delay = retry.delayBeforeRetry(odoo, idempotent, number);
            if (delay.isEmpty()) {
                return Uni.createFrom().failure(failure);
            }
            LOG.debugf("Odoo %s %s failed (attempt %d), retrying in %d ms: %s", connection.label(), operation, number,
                    delay.get().toMillis(), odoo.getMessage());
            return sleeper.apply(delay.get()).chain(() -> attempt(operation, idempotent, attempt, number + 1));
        });
    }

    private <T> Uni<T> once(String operation, Supplier<Uni<T>> attempt) {
        return Uni.createFrom().deferred(() -> {
            if (!breaker.tryAcquire()) {
                return Uni.createFrom().failure(new OdooCircuitOpenException(OdooError.of(operation,
                        "circuit open for " + connection.label() + " after repeated failures; not sent", 0),
                        breaker.remainingOpen()));
            }
            Duration timeout = connection.timeout();
            return Uni.createFrom().<T>deferred(attempt::get)
                    .ifNoItem().after(timeout).failWith(() -> new OdooTimeoutException(
                            OdooError.of(operation, "no answer within " + timeout.toMillis() + " ms", 0), null))
                    .onItemOrFailure().invoke((item, failure) -> record(failure))
                    .onCancellation().invoke(breaker::onAbandoned);
        });
    }

    private void record(Throwable failure) {
        if (failure == null) {
            breaker.onSuccess();
        } else if (failure instanceof OdooTransientException) {
            breaker.onFailure();
        } else if (failure instanceof OdooException) {
            // Odoo answered, even if with an error: it is up.
            breaker.onSuccess();
        } else {
            breaker.onAbandoned();
        }
    }
}
