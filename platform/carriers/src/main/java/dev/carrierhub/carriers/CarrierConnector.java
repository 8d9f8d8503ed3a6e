package dev.carrierhub.carriers;

import dev.carrierhub.contracts.shipment.Shipment;
import java.net.URI;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/**
 * One carrier, seen through the canonical model: every call is asynchronous and never blocks the caller.
 *
 * <p>A failed stage carries a {@link CarrierException} (a stage derived from it may wrap it in a
 * {@link java.util.concurrent.CompletionException}; {@link CarrierException#find(Throwable)} unwraps).
 * Warnings the carrier gives alongside a result travel as {@link CarrierMessage}s inside the result.
 * Callers check {@link #capabilities()} before they call: an operation a carrier does not declare is not
 * attempted, rather than discovered by a "not supported" failure.
 */
public interface CarrierConnector {

    /** The carrier's stable name, e.g. {@code sandbox}; it is the {@code carrier} of every quote and event. */
    String carrier();

    /** What this carrier can do, declared up front. */
    Capabilities capabilities();

    /** Quotes for every service the carrier offers for this shipment. */
    CompletionStage<RateResult> rate(Shipment shipment);

    /**
     * Books the shipment with one service and returns its labels. Calling again with the same
     * {@code idempotencyKey} must not buy a second label: carriers that honour keys return the first
     * booking, the others are checked with {@link #findBooking(String)} first.
     */
    CompletionStage<BookingResult> ship(Shipment shipment, String serviceCode, String idempotencyKey);

    /** The booking made earlier under this idempotency key, if the carrier made one (e.g. after a timeout). */
    CompletionStage<Optional<BookingResult>> findBooking(String idempotencyKey);

    /** Voids a booked label; voiding one that is already void succeeds with a message. */
    CompletionStage<VoidResult> voidLabel(String carrierShipmentId);

    /** The current status and history of one tracking number (for carriers that are polled). */
    CompletionStage<TrackingResult> track(String trackingNumber);

    /** Asks the carrier to push status changes of one tracking number to {@code callbackUrl}. */
    CompletionStage<Void> registerTracker(String trackingNumber, URI callbackUrl);
}
