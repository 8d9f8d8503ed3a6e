package dev.carrierhub.label.service;

import dev.carrierhub.contracts.events.ShipmentRated;
import dev.carrierhub.core.tracing.TraceContext;
import dev.carrierhub.label.repository.Booking;
import dev.carrierhub.label.repository.BookingRepository;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;

/**
 * Turns a rated shipment into a booking to make, once per shipment: a second {@code shipment.rated} for
 * the same shipment finds the booking and changes nothing. Runs in the idempotent consumer's transaction.
 */
@ApplicationScoped
public class BookingRequestService {
    static final String KEY_PREFIX = "booking:";

    private final BookingRepository bookings;
    private final AuditTrail audit;
    private final MeterRegistry meters;

    public BookingRequestService(BookingRepository bookings, AuditTrail audit, MeterRegistry meters) {
        this.bookings = bookings;
        this.audit = audit;
        this.meters = meters;
    }

    /** Creates the booking unless the shipment has one; tells whether it did. */
    public Uni<Boolean> request(String eventId, ShipmentRated rated) {
        // Events of one shipment share a partition (key = shipment id), so two never race for the same row.
        return bookings.findById(rated.shipmentId()).chain(existing -> {
            if (existing != null) {
                meters.counter("carrierhub.label.requests", "outcome", "duplicate").increment();
                return Uni.createFrom().item(false);
            }
            Booking booking = newBooking(eventId, rated, Instant.now());
            return bookings.persist(booking)
                    .chain(() -> audit.booking(booking.shipmentId, null, Booking.State.REQUESTED,
                            "rated by policy " + rated.policy() + ": " + booking.carrier + " " + booking.serviceCode
                                    + " at " + rated.chosen().price().amount() + " " + rated.chosen().price().currency()))
                    .invoke(() -> meters.counter("carrierhub.label.requests", "outcome", "new").increment())
                    .replaceWith(true);
        });
    }

    static Booking newBooking(String eventId, ShipmentRated rated, Instant now) {
        Booking booking = new Booking();
        booking.shipmentId = rated.shipmentId();
        booking.state = Booking.State.REQUESTED;
        booking.carrier = rated.chosen().carrier();
        booking.serviceCode = rated.chosen().serviceCode();
        booking.shipment = BookingJson.write(rated.shipment());
        booking.chosenQuote = BookingJson.write(rated.chosen());
        booking.ratedAt = rated.ratedAt();
        booking.idempotencyKey = KEY_PREFIX + rated.shipmentId();
        booking.attempts = 0;
        booking.nextAttemptAt = now;
        booking.sourceEventId = eventId;
        TraceContext trace = TraceContext.current();
        booking.traceparent = trace.traceparent();
        booking.tracestate = trace.tracestate();
        booking.createdAt = now;
        booking.updatedAt = now;
        return booking;
    }
}
