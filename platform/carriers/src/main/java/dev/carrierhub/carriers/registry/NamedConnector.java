package dev.carrierhub.carriers.registry;

import dev.carrierhub.carriers.BookingResult;
import dev.carrierhub.carriers.Capabilities;
import dev.carrierhub.carriers.CarrierConnector;
import dev.carrierhub.carriers.RateResult;
import dev.carrierhub.carriers.TrackingResult;
import dev.carrierhub.carriers.VoidResult;
import dev.carrierhub.contracts.events.Quote;
import dev.carrierhub.contracts.shipment.Shipment;
import java.net.URI;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/**
 * An account's connector under the account's {@code carrier-name}: it reports that name and puts it on its
 * quotes, so a quote chosen from it is booked through the same account again.
 */
final class NamedConnector implements CarrierConnector {
    private final String carrier;
    private final CarrierConnector delegate;

    NamedConnector(String carrier, CarrierConnector delegate) {
        if (carrier == null || carrier.isBlank()) {
            throw new IllegalArgumentException("carrier-name must not be blank");
        }
        this.carrier = carrier.trim();
        this.delegate = Objects.requireNonNull(delegate, "delegate");
    }

    @Override
    public String carrier() {
        return carrier;
    }

    @Override
    public Capabilities capabilities() {
        return delegate.capabilities();
    }

    @Override
    public CompletionStage<RateResult> rate(Shipment shipment) {
        return delegate.rate(shipment).thenApply(result -> new RateResult(result.quotes().stream()
                .map(q -> new Quote(q.quoteId(), carrier, q.serviceCode(), q.serviceLevel(), q.price(),
                        q.transitDays()))
                .toList(), result.messages()));
    }

    @Override
    public CompletionStage<BookingResult> ship(Shipment shipment, String serviceCode, String idempotencyKey) {
        return delegate.ship(shipment, serviceCode, idempotencyKey);
    }

    @Override
    public CompletionStage<Optional<BookingResult>> findBooking(String idempotencyKey) {
        return delegate.findBooking(idempotencyKey);
    }

    @Override
    public CompletionStage<VoidResult> voidLabel(String carrierShipmentId) {
        return delegate.voidLabel(carrierShipmentId);
    }

    @Override
    public CompletionStage<TrackingResult> track(String trackingNumber) {
        return delegate.track(trackingNumber);
    }

    @Override
    public CompletionStage<Void> registerTracker(String trackingNumber, URI callbackUrl) {
        return delegate.registerTracker(trackingNumber, callbackUrl);
    }
}
