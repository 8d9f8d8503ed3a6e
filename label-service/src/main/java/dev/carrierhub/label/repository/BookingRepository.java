package dev.carrierhub.label.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.List;

/** Bookings, and the queue of those due for a carrier call. */
@ApplicationScoped
public class BookingRepository implements PanacheRepositoryBase<Booking, String> {

    public Uni<List<Booking>> due(Instant now, int limit) {
        return find("state = ?1 and nextAttemptAt <= ?2 order by nextAttemptAt", Booking.State.REQUESTED, now)
                .page(0, limit)
                .list();
    }

    /** The booking, locked for the rest of the transaction so two workers never settle it twice. */
    public Uni<Booking> lock(String shipmentId) {
        return findById(shipmentId, LockModeType.PESSIMISTIC_WRITE);
    }
}
