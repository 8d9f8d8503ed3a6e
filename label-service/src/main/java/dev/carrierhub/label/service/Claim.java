package dev.carrierhub.label.service;

import dev.carrierhub.contracts.events.Quote;
import dev.carrierhub.contracts.shipment.Shipment;
import dev.carrierhub.label.repository.Booking;
import java.time.Instant;

/**
 * A booking taken by one worker for one carrier call.
 *
 * @param priorAttempts calls started before this one; above zero, one of them may have booked unseen
 */
public record Claim(String shipmentId, String carrier, String serviceCode, Shipment shipment, Quote quote,
        String idempotencyKey, int priorAttempts, Instant ratedAt) {

    static Claim of(Booking booking, int priorAttempts) {
        return new Claim(booking.shipmentId, booking.carrier, booking.serviceCode,
                BookingJson.read(booking.shipment, Shipment.class), BookingJson.read(booking.chosenQuote, Quote.class),
                booking.idempotencyKey, priorAttempts, booking.ratedAt);
    }

    /** The call this claim is for, counting from 1. */
    public int attempt() {
        return priorAttempts + 1;
    }
}
