package dev.carrierhub.label.service;

import dev.carrierhub.label.repository.Booking;
import dev.carrierhub.label.repository.BookingRepository;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/** What operators do with bookings that are stuck: list the parked and failed ones, and try one again now. */
@ApplicationScoped
public class BookingOperations {
    /** States an operator may send back to the queue. */
    public static final Set<Booking.State> RETRYABLE = Set.of(Booking.State.DEFERRED, Booking.State.FAILED);

    private final BookingRepository bookings;
    private final AuditTrail audit;
    private final BookingWorker worker;

    public BookingOperations(BookingRepository bookings, AuditTrail audit, BookingWorker worker) {
        this.bookings = bookings;
        this.audit = audit;
        this.worker = worker;
    }

    public Uni<List<Booking>> list(Booking.State state, int limit) {
        return Panache.withSession(() -> bookings.inState(state, limit));
    }

    /**
     * Sends a DEFERRED or FAILED booking back to the queue for a new round of attempts, now. Since calls were
     * made before, the carrier is asked for a booking under the key before it is asked to book.
     *
     * @return the booking as it is now; null when there is none
     * @throws IllegalStateException when the booking is in a state that cannot be retried
     */
    public Uni<Booking> retry(String shipmentId, String operator) {
        return Panache.withTransaction(() -> bookings.lock(shipmentId).chain(locked -> {
            if (locked == null) {
                return Uni.createFrom().nullItem();
            }
            if (!RETRYABLE.contains(locked.state)) {
                return Uni.createFrom().failure(new IllegalStateException(
                        "booking " + shipmentId + " is " + locked.state + "; only DEFERRED and FAILED bookings are retried"));
            }
            Booking.State from = locked.state;
            Instant now = Instant.now();
            locked.state = Booking.State.REQUESTED;
            locked.attempts = 0;
            locked.deferredSince = null;
            locked.nextAttemptAt = now;
            locked.updatedAt = now;
            return audit.booking(shipmentId, from, Booking.State.REQUESTED, "retry requested by " + operator
                            + (locked.lastError == null ? "" : "; the last error: " + locked.lastError))
                    .replaceWith(locked);
        })).invoke(worker::nudge);
    }
}
