package dev.carrierhub.label.service;

import dev.carrierhub.contracts.events.Quote;
import dev.carrierhub.contracts.shipment.Shipment;
import dev.carrierhub.label.repository.Booking;
import java.time.Instant;

/**
 * A booking taken by one worker for one carrier call: to book it, or to void it.
 *
 * @param priorCarrierCalls    calls started with this carrier before this one; above zero, one of them may
 *                             have booked unseen, so the carrier is asked for the booking first
 * @param outcomeUnknownBefore whether an earlier call may have booked unseen, as known before this call
 * @param carrierShipmentId    the carrier's id of the booking, once known (a void needs it)
 * @param requestedAt          when the shipment was requested, if known
 * @param returnOf             for a return label, the shipment it returns; null otherwise
 */
public record Claim(Action action, String shipmentId, String carrier, String serviceCode, Shipment shipment,
        Quote quote, String idempotencyKey, int attempt, int priorCarrierCalls, boolean outcomeUnknownBefore,
        String carrierShipmentId, String trackingNumber, String voidReason, Instant ratedAt, Instant requestedAt, String returnOf) {

    /** What the carrier call is for. */
    public enum Action { BOOK, VOID }

    static Claim of(Booking booking, Action action) {
        return new Claim(action, booking.shipmentId, booking.carrier, booking.serviceCode,
                BookingJson.read(booking.shipment, Shipment.class), BookingJson.read(booking.chosenQuote, Quote.class),
                booking.idempotencyKey, booking.attempts + 1, booking.carrierCalls, booking.outcomeUnknown,
                booking.carrierShipmentId, booking.trackingNumber, booking.voidReason, booking.ratedAt, booking.requestedAt, booking.returnOf);
    }

    /** Whether this is a return label (RMA) rather than the shipment's own label. */
    public boolean isReturn() {
        return returnOf != null;
    }

    /** Whether an earlier call with this carrier may have made the booking: then it is looked up first. */
    public boolean looksUpFirst() {
        return priorCarrierCalls > 0;
    }
}
