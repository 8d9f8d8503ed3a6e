package dev.carrierhub.label.service;

import dev.carrierhub.contracts.events.Quote;
import dev.carrierhub.contracts.events.ShipmentRated;
import dev.carrierhub.core.tracing.TraceContext;
import dev.carrierhub.label.config.LabelConfig;
import dev.carrierhub.label.repository.Booking;
import dev.carrierhub.label.repository.BookingRepository;
import dev.carrierhub.label.repository.Cancellation;
import dev.carrierhub.label.repository.CancellationRepository;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;

/**
 * Turns a rated shipment into a booking to make, once per shipment: a second {@code shipment.rated} for
 * the same shipment finds the booking and changes nothing, and a shipment cancelled before it was rated
 * gets a booking that is cancelled from the start. Runs in the idempotent consumer's transaction.
 */
@ApplicationScoped
public class BookingRequestService {
    static final String KEY_PREFIX = "booking:";

    private final BookingRepository bookings;
    private final CancellationRepository cancellations;
    private final AuditTrail audit;
    private final FallbackPolicy fallbacks;
    private final MeterRegistry meters;

    public BookingRequestService(BookingRepository bookings, CancellationRepository cancellations, AuditTrail audit,
            LabelConfig config, MeterRegistry meters) {
        this.bookings = bookings;
        this.cancellations = cancellations;
        this.audit = audit;
        this.fallbacks = new FallbackPolicy(config.fallback());
        this.meters = meters;
    }

    /** Creates the booking unless the shipment has one; tells whether it is one the worker should book. */
    public Uni<Boolean> request(String eventId, ShipmentRated rated) {
        // Events of one shipment share a partition (key = shipment id), so two never race for the same row.
        return bookings.findById(rated.shipmentId()).chain(existing -> {
            if (existing != null) {
                meters.counter("carrierhub.label.requests", "outcome", "duplicate").increment();
                return Uni.createFrom().item(false);
            }
            List<Quote> allowed = fallbacks.allowed(rated.shipment().picking().tenant(), rated.chosen(),
                    rated.alternatives());
            Booking booking = newBooking(eventId, rated, allowed, Instant.now());
            String detail = "rated by policy " + rated.policy() + ": " + booking.carrier + " " + booking.serviceCode
                    + " at " + rated.chosen().price().amount() + " " + rated.chosen().price().currency() + "; "
                    + allowed.size() + " of " + rated.alternatives().size() + " alternative(s) allowed as fallback";
            return cancellations.findById(rated.shipmentId()).chain(cancelled -> cancelled == null
                    ? create(booking, detail)
                    : createCancelled(booking, detail, cancelled));
        });
    }

    private Uni<Boolean> create(Booking booking, String detail) {
        return bookings.persist(booking)
                .chain(() -> audit.booking(booking.shipmentId, null, Booking.State.REQUESTED, detail))
                .invoke(() -> meters.counter("carrierhub.label.requests", "outcome", "new").increment())
                .replaceWith(true);
    }

    private Uni<Boolean> createCancelled(Booking booking, String detail, Cancellation cancellation) {
        booking.state = Booking.State.CANCELLED;
        booking.voidReason = cancellation.reason;
        return bookings.persist(booking)
                .chain(() -> audit.booking(booking.shipmentId, null, Booking.State.REQUESTED, detail))
                .chain(() -> audit.booking(booking.shipmentId, Booking.State.REQUESTED, Booking.State.CANCELLED,
                        "cancelled in Odoo at " + cancellation.requestedAt + ", before it was rated"
                                + (cancellation.reason == null ? "" : ": " + cancellation.reason)
                                + "; nothing is booked"))
                .invoke(() -> meters.counter("carrierhub.label.requests", "outcome", "cancelled").increment())
                .replaceWith(false);
    }

    static Booking newBooking(String eventId, ShipmentRated rated, List<Quote> alternatives, Instant now) {
        Booking booking = new Booking();
        booking.shipmentId = rated.shipmentId();
        booking.state = Booking.State.REQUESTED;
        booking.carrier = rated.chosen().carrier();
        booking.serviceCode = rated.chosen().serviceCode();
        booking.shipment = BookingJson.write(rated.shipment());
        booking.chosenQuote = BookingJson.write(rated.chosen());
        booking.alternatives = BookingJson.write(alternatives);
        booking.ratedAt = rated.ratedAt();
        booking.requestedAt = rated.requestedAt();
        booking.idempotencyKey = KEY_PREFIX + rated.shipmentId();
        booking.attempts = 0;
        booking.carrierCalls = 0;
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
