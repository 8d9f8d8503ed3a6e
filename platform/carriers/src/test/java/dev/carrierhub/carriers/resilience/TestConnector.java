package dev.carrierhub.carriers.resilience;

import dev.carrierhub.carriers.BookingResult;
import dev.carrierhub.carriers.Capabilities;
import dev.carrierhub.carriers.CarrierConnector;
import dev.carrierhub.carriers.RateResult;
import dev.carrierhub.carriers.TrackingResult;
import dev.carrierhub.carriers.VoidResult;
import dev.carrierhub.contracts.shipment.Shipment;
import java.net.URI;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * A connector whose every call returns a future the test completes by hand (or one of the answers queued
 * with {@link #answerNext}); it counts the calls that reached it.
 */
class TestConnector implements CarrierConnector {
    static final RateResult NO_QUOTES = new RateResult(List.of(), List.of());

    private final Deque<CompletableFuture<Object>> queued = new ArrayDeque<>();
    final Deque<CompletableFuture<Object>> pending = new ArrayDeque<>();
    int calls;

    /** The next call gets this (already completed or failed) answer instead of a pending one. */
    TestConnector answerNext(CompletableFuture<?> answer) {
        @SuppressWarnings("unchecked")
        CompletableFuture<Object> cast = (CompletableFuture<Object>) answer;
        queued.add(cast);
        return this;
    }

    @SuppressWarnings("unchecked")
    private <T> CompletionStage<T> next() {
        calls++;
        CompletableFuture<Object> answer = queued.poll();
        if (answer == null) {
            answer = new CompletableFuture<>();
            pending.add(answer);
        }
        return (CompletionStage<T>) (CompletionStage<?>) answer;
    }

    @Override
    public String carrier() {
        return "test";
    }

    @Override
    public Capabilities capabilities() {
        return new Capabilities(true, true, true, true, true, false, false, Set.of("PDF"));
    }

    @Override
    public CompletionStage<RateResult> rate(Shipment shipment) {
        return next();
    }

    @Override
    public CompletionStage<BookingResult> ship(Shipment shipment, String serviceCode, String idempotencyKey) {
        return next();
    }

    @Override
    public CompletionStage<Optional<BookingResult>> findBooking(String idempotencyKey) {
        return next();
    }

    @Override
    public CompletionStage<VoidResult> voidLabel(String carrierShipmentId) {
        return next();
    }

    @Override
    public CompletionStage<TrackingResult> track(String trackingNumber) {
        return next();
    }

    @Override
    public CompletionStage<Void> registerTracker(String trackingNumber, URI callbackUrl) {
        return next();
    }
}
