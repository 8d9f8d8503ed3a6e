package dev.carrierhub.label.service;

import dev.carrierhub.label.config.LabelConfig;
import dev.carrierhub.label.repository.Booking;
import dev.carrierhub.label.repository.BookingRepository;
import dev.carrierhub.label.repository.Cancellation;
import dev.carrierhub.label.repository.CancellationRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;

/**
 * Asks for a shipment's label to be voided (a picking cancelled in Odoo, or an operator), in the caller's
 * transaction. What that means depends on where the booking is: nothing booked yet is simply cancelled;
 * a booking that may exist at the carrier, or does, is queued for the worker to void; a label past the
 * carrier's void window is refused.
 */
@ApplicationScoped
public class VoidRequests {
    private final BookingRepository bookings;
    private final CancellationRepository cancellations;
    private final AuditTrail audit;
    private final LabelConfig.Voiding config;
    private final LabelMetrics metrics;

    public VoidRequests(BookingRepository bookings, CancellationRepository cancellations, AuditTrail audit,
            LabelConfig config, LabelMetrics metrics) {
        this.bookings = bookings;
        this.cancellations = cancellations;
        this.audit = audit;
        this.config = config.voiding();
        this.metrics = metrics;
    }

    /** What became of a void request. */
    public enum Outcome {
        /** Queued: the worker voids it with the carrier shortly. */
        VOIDING,
        /** Nothing was booked: the booking is cancelled and no carrier call is made. */
        CANCELLED,
        /** It is voided, being voided or cancelled already: nothing changes. */
        ALREADY,
        /** The label is past the carrier's void window. */
        WINDOW_PASSED,
        /** No booking for the shipment. */
        NOT_FOUND
    }

    /** Requests the void of {@code shipmentId}'s label. */
    public Uni<Outcome> request(String shipmentId, String reason, String requestedBy) {
        return bookings.lock(shipmentId).chain(locked -> locked == null
                ? Uni.createFrom().item(Outcome.NOT_FOUND)
                : request(locked, reason, requestedBy, Instant.now()));
    }

    /**
     * A cancellation from Odoo: as {@link #request}, and when the shipment has no booking yet (its
     * {@code shipment.rated} is still on its way), remembered so the booking is created cancelled.
     */
    public Uni<Outcome> cancel(String eventId, String shipmentId, String reason) {
        return request(shipmentId, reason, "Odoo").chain(outcome -> {
            if (outcome != Outcome.NOT_FOUND) {
                return Uni.createFrom().item(outcome);
            }
            return cancellations.findById(shipmentId).chain(existing -> {
                if (existing != null) {
                    return Uni.createFrom().item(Outcome.ALREADY);
                }
                Cancellation cancellation = new Cancellation();
                cancellation.shipmentId = shipmentId;
                cancellation.reason = reason;
                cancellation.requestedAt = Instant.now();
                cancellation.sourceEventId = eventId;
                return cancellations.persist(cancellation).replaceWith(Outcome.CANCELLED);
            });
        });
    }

    private Uni<Outcome> request(Booking locked, String reason, String requestedBy, Instant now) {
        String why = "void requested by " + requestedBy + (reason == null || reason.isBlank() ? "" : ": " + reason);
        return switch (locked.state) {
            case VOIDING, VOIDED, CANCELLED -> Uni.createFrom().item(Outcome.ALREADY);
            case BOOKED -> {
                Instant closes = locked.bookedAt.plus(window(locked.carrier));
                if (closes.isBefore(now)) {
                    metrics.voidEnded(locked.carrier, "refused");
                    yield audit.booking(locked.shipmentId, locked.state, locked.state,
                                    why + "; refused, the void window of " + locked.carrier + " closed at " + closes)
                            .replaceWith(Outcome.WINDOW_PASSED);
                }
                yield queue(locked, why, reason, now, now);
            }
            // No call has started (or every call found nothing and failed for good): nothing to void.
            case REQUESTED, DEFERRED, FAILED -> locked.carrierShipmentId == null && locked.carrierCalls == 0
                    ? cancelled(locked, why, now)
                    // A call may be in flight: the void waits for its lease, then looks the booking up.
                    : queue(locked, why, reason, now,
                            locked.state == Booking.State.REQUESTED && locked.nextAttemptAt.isAfter(now)
                                    ? locked.nextAttemptAt : now);
        };
    }

    private Uni<Outcome> queue(Booking locked, String why, String reason, Instant now, Instant due) {
        Booking.State from = locked.state;
        locked.voidFrom = from;
        locked.voidReason = reason;
        locked.state = Booking.State.VOIDING;
        locked.attempts = 0;
        locked.nextAttemptAt = due;
        locked.updatedAt = now;
        return audit.booking(locked.shipmentId, from, Booking.State.VOIDING, why).replaceWith(Outcome.VOIDING);
    }

    private Uni<Outcome> cancelled(Booking locked, String why, Instant now) {
        Booking.State from = locked.state;
        locked.state = Booking.State.CANCELLED;
        locked.voidReason = why;
        locked.updatedAt = now;
        metrics.voidEnded(locked.carrier, "cancelled");
        return audit.booking(locked.shipmentId, from, Booking.State.CANCELLED, why + "; nothing was booked")
                .replaceWith(Outcome.CANCELLED);
    }

    Duration window(String carrier) {
        return config.windows().getOrDefault(carrier, config.window());
    }
}
