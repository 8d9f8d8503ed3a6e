package dev.carrierhub.carriers.resilience;

import dev.carrierhub.carriers.BookingResult;
import dev.carrierhub.carriers.Capabilities;
import dev.carrierhub.carriers.CarrierConnector;
import dev.carrierhub.carriers.CarrierErrorKind;
import dev.carrierhub.carriers.CarrierException;
import dev.carrierhub.carriers.RateResult;
import dev.carrierhub.carriers.TrackingResult;
import dev.carrierhub.carriers.VoidResult;
import dev.carrierhub.contracts.shipment.Shipment;
import io.micrometer.core.instrument.MeterRegistry;
import java.lang.System.Logger.Level;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * A connector behind the limits of its carrier account. Every operation passes, in this order:
 *
 * <ol>
 *   <li>the {@link CircuitBreaker}: while open, refused with {@code UNAVAILABLE} (retry-after = the time
 *       left open), so callers fall back to another carrier or defer;</li>
 *   <li>the {@link Bulkhead}: when full, refused with {@code RATE_LIMITED} (no retry-after), since the
 *       pressure is ours and passes in moments;</li>
 *   <li>the {@link TokenBucket} rate limit, if the account has one: when used up, refused with
 *       {@code RATE_LIMITED} and a retry-after until the next token;</li>
 *   <li>the call itself, failed with a {@link CallTimeoutException} ({@code TRANSIENT}) when it does not
 *       answer within the call timeout.</li>
 * </ol>
 *
 * A refusal is a {@link CallRejectedException}; it never reaches the carrier and never moves the breaker.
 * Only {@code TRANSIENT} and {@code UNAVAILABLE} failures and timeouts count against the breaker; any other
 * answer, {@code INVALID_REQUEST}, {@code AUTH_FAILED} and {@code RATE_LIMITED} included, shows the
 * carrier is up. A bulkhead place is held until the carrier really answers, even after a timeout, so the
 * bulkhead bounds the requests actually open against the carrier.
 */
public final class ResilientConnector implements CarrierConnector {
    private static final System.Logger LOG = System.getLogger(ResilientConnector.class.getName());

    private final String account;
    private final CarrierConnector delegate;
    private final ResilienceSettings settings;
    private final ResilienceClock clock;
    private final ResilienceMetrics metrics;
    private final CircuitBreaker breaker;
    private final Bulkhead bulkhead;
    private final TokenBucket bucket;

    public ResilientConnector(String account, CarrierConnector delegate, ResilienceSettings settings,
            MeterRegistry meters) {
        this(account, delegate, settings, meters, ResilienceClock.system());
    }

    /** With the clock and timer the limits run on, for tests. */
    public ResilientConnector(String account, CarrierConnector delegate, ResilienceSettings settings,
            MeterRegistry meters, ResilienceClock clock) {
        this.account = Objects.requireNonNull(account, "account");
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.metrics = new ResilienceMetrics(meters, delegate.carrier(), account);
        ResilienceSettings.Breaker b = settings.breaker();
        this.breaker = new CircuitBreaker(b.failureThreshold(), b.failureRatio(), b.window(), b.openDuration(),
                b.halfOpenProbes(), clock::nanoTime, this::transitioned);
        this.bulkhead = new Bulkhead(settings.maxConcurrent());
        this.bucket = settings.rateLimit()
                .map(limit -> new TokenBucket(limit.requests(), limit.per(), clock::nanoTime)).orElse(null);
        metrics.gauges(breaker, bulkhead);
    }

    /** Wraps the connector of account {@code account}; a wrong setting fails naming the account. */
    public static ResilientConnector forAccount(String account, CarrierConnector delegate, ResilienceConfig config,
            Duration accountTimeout, MeterRegistry meters) {
        ResilienceSettings settings;
        try {
            settings = ResilienceSettings.of(config, accountTimeout);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("carrier account " + account + ": " + e.getMessage(), e);
        }
        return new ResilientConnector(account, delegate, settings, meters);
    }

    public String account() {
        return account;
    }

    public CircuitBreaker.State breakerState() {
        return breaker.state();
    }

    @Override
    public String carrier() {
        return delegate.carrier();
    }

    @Override
    public Capabilities capabilities() {
        return delegate.capabilities();
    }

    @Override
    public CompletionStage<RateResult> rate(Shipment shipment) {
        return guard("rate", () -> delegate.rate(shipment));
    }

    @Override
    public CompletionStage<BookingResult> ship(Shipment shipment, String serviceCode, String idempotencyKey) {
        return guard("ship", () -> delegate.ship(shipment, serviceCode, idempotencyKey));
    }

    @Override
    public CompletionStage<Optional<BookingResult>> findBooking(String idempotencyKey) {
        return guard("find-booking", () -> delegate.findBooking(idempotencyKey));
    }

    @Override
    public CompletionStage<VoidResult> voidLabel(String carrierShipmentId) {
        return guard("void", () -> delegate.voidLabel(carrierShipmentId));
    }

    @Override
    public CompletionStage<TrackingResult> track(String trackingNumber) {
        return guard("track", () -> delegate.track(trackingNumber));
    }

    @Override
    public CompletionStage<Void> registerTracker(String trackingNumber, URI callbackUrl) {
        return guard("register-tracker", () -> delegate.registerTracker(trackingNumber, callbackUrl));
    }

    private <T> CompletionStage<T> guard(String operation, Supplier<CompletionStage<T>> call) {
        long started = clock.nanoTime();
        CircuitBreaker.Permit permit = breaker.acquire();
        if (permit == null) {
            Duration left = breaker.remainingOpen();
            return rejected(operation, started, new CallRejectedException(CallRejectedException.Reason.CIRCUIT_OPEN,
                    CarrierErrorKind.UNAVAILABLE, who() + ": circuit open after repeated failures"
                            + (left.isZero() ? ", a probe is under way" : ", next try in " + left),
                    left.isZero() ? null : left));
        }
        if (!bulkhead.tryEnter()) {
            breaker.onIgnored(permit);
            return rejected(operation, started, new CallRejectedException(CallRejectedException.Reason.BULKHEAD_FULL,
                    CarrierErrorKind.RATE_LIMITED, who() + ": bulkhead full, " + bulkhead.maxConcurrent()
                            + " calls already in flight", null));
        }
        if (bucket != null) {
            TokenBucket.Take take = bucket.tryTake();
            if (!take.granted()) {
                bulkhead.leave();
                breaker.onIgnored(permit);
                ResilienceSettings.RateLimit limit = settings.rateLimit().orElseThrow();
                return rejected(operation, started, new CallRejectedException(CallRejectedException.Reason.RATE_LIMIT,
                        CarrierErrorKind.RATE_LIMITED, who() + ": rate limit of " + limit.requests() + " calls per "
                                + limit.per() + " used up", take.retryAfter()));
            }
        }
        return call(operation, started, permit, call);
    }

    private <T> CompletionStage<T> call(String operation, long started, CircuitBreaker.Permit permit,
            Supplier<CompletionStage<T>> call) {
        CompletableFuture<T> result = new CompletableFuture<>();
        AtomicBoolean settled = new AtomicBoolean();
        ResilienceClock.Cancellable timeout = clock.schedule(settings.callTimeout(), () -> {
            if (settled.compareAndSet(false, true)) {
                breaker.onFailure(permit);
                metrics.timeout(operation);
                metrics.call(operation, "timeout", since(started));
                result.completeExceptionally(new CallTimeoutException(
                        who() + " did not answer " + operation + " within " + settings.callTimeout()));
            }
        });
        CompletionStage<T> stage;
        try {
            stage = Objects.requireNonNull(call.get(), "the connector returned no stage");
        } catch (RuntimeException e) {
            stage = CompletableFuture.failedFuture(e);
        }
        stage.whenComplete((value, thrown) -> {
            bulkhead.leave();
            if (!settled.compareAndSet(false, true)) {
                return;
            }
            timeout.cancel();
            Throwable failure = unwrap(thrown);
            settle(permit, failure);
            metrics.call(operation, outcome(failure), since(started));
            if (failure == null) {
                result.complete(value);
            } else {
                result.completeExceptionally(failure);
            }
        });
        return result;
    }

    private void settle(CircuitBreaker.Permit permit, Throwable failure) {
        if (failure == null) {
            breaker.onSuccess(permit);
            return;
        }
        Optional<CarrierException> carrierFailure = CarrierException.find(failure);
        if (carrierFailure.isEmpty()) {
            // Not the carrier's doing (a bug in a mapper, say): it says nothing about the carrier's health.
            breaker.onIgnored(permit);
        } else if (countsAgainstTheBreaker(carrierFailure.get().kind())) {
            breaker.onFailure(permit);
        } else {
            breaker.onSuccess(permit);
        }
    }

    static boolean countsAgainstTheBreaker(CarrierErrorKind kind) {
        return kind == CarrierErrorKind.TRANSIENT || kind == CarrierErrorKind.UNAVAILABLE;
    }

    private <T> CompletionStage<T> rejected(String operation, long started, CallRejectedException rejection) {
        metrics.rejected(rejection.reason(), operation);
        metrics.call(operation, rejection.reason().tag(), since(started));
        return CompletableFuture.failedFuture(rejection);
    }

    private void transitioned(CircuitBreaker.State from, CircuitBreaker.State to) {
        metrics.transition(from, to);
        if (to == CircuitBreaker.State.OPEN) {
            LOG.log(Level.WARNING, "{0}: circuit opened, calls refused for {1}", who(),
                    settings.breaker().openDuration());
        } else {
            LOG.log(Level.INFO, "{0}: circuit {1}", who(), ResilienceMetrics.tag(to));
        }
    }

    private String who() {
        return delegate.carrier() + " (account " + account + ")";
    }

    private Duration since(long started) {
        return Duration.ofNanos(Math.max(0, clock.nanoTime() - started));
    }

    private static Throwable unwrap(Throwable thrown) {
        return thrown instanceof CompletionException && thrown.getCause() != null ? thrown.getCause() : thrown;
    }

    private static String outcome(Throwable failure) {
        if (failure == null) {
            return "success";
        }
        return CarrierException.find(failure)
                .map(e -> e.kind().name().toLowerCase(Locale.ROOT).replace('_', '-'))
                .orElse("error");
    }
}
