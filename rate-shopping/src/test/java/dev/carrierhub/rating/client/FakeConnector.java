package dev.carrierhub.rating.client;

import dev.carrierhub.carriers.BookingResult;
import dev.carrierhub.carriers.Capabilities;
import dev.carrierhub.carriers.CarrierConnector;
import dev.carrierhub.carriers.RateResult;
import dev.carrierhub.carriers.TrackingResult;
import dev.carrierhub.carriers.VoidResult;
import dev.carrierhub.contracts.shipment.Shipment;
import java.net.URI;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

/** A connector whose rate answer the test decides; everything else is unsupported. */
public final class FakeConnector implements CarrierConnector {
    private final String carrier;
    private final boolean rates;
    private final Supplier<CompletionStage<RateResult>> answer;
    public int rateCalls;

    public FakeConnector(String carrier, boolean rates, Supplier<CompletionStage<RateResult>> answer) {
        this.carrier = carrier;
        this.rates = rates;
        this.answer = answer;
    }

    @Override
    public String carrier() {
        return carrier;
    }

    @Override
    public Capabilities capabilities() {
        return new Capabilities(rates, true, false, false, false, false, false, Set.of("PDF"));
    }

    @Override
    public CompletionStage<RateResult> rate(Shipment shipment) {
        rateCalls++;
        return answer.get();
    }

    @Override
    public CompletionStage<BookingResult> ship(Shipment shipment, String serviceCode, String idempotencyKey) {
        throw new UnsupportedOperationException();
    }

    @Override
    public CompletionStage<Optional<BookingResult>> findBooking(String idempotencyKey) {
        throw new UnsupportedOperationException();
    }

    @Override
    public CompletionStage<VoidResult> voidLabel(String carrierShipmentId) {
        throw new UnsupportedOperationException();
    }

    @Override
    public CompletionStage<TrackingResult> track(String trackingNumber) {
        throw new UnsupportedOperationException();
    }

    @Override
    public CompletionStage<Void> registerTracker(String trackingNumber, URI callbackUrl) {
        throw new UnsupportedOperationException();
    }
}
