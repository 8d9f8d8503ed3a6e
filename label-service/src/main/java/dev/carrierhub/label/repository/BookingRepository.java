package dev.carrierhub.label.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Bookings, and the queue of those due for a carrier call. */
@ApplicationScoped
public class BookingRepository implements PanacheRepositoryBase<Booking, String> {

    /** Bookings whose next step (a booking call, a scheduled retry after deferral, a void) is due. */
    public Uni<List<Booking>> due(Instant now, int limit) {
        return find("state in ?1 and nextAttemptAt <= ?2 order by nextAttemptAt", Booking.State.QUEUED, now)
                .page(0, limit)
                .list();
    }

    /** The return labels made for one shipment, oldest first. */
    public Uni<List<Booking>> returnsOf(String shipmentId) {
        return find("returnOf = ?1 order by createdAt", shipmentId).list();
    }

    /** Bookings in one state, the longest unchanged first: what an operator looks at. */
    public Uni<List<Booking>> inState(Booking.State state, int limit) {
        return find("state = ?1 order by updatedAt", state).page(0, limit).list();
    }

    /** How many bookings are in each state, for the gauges. */
    public Uni<Map<Booking.State, Long>> countByState() {
        return getSession().chain(session -> session
                .createSelectionQuery("select state, count(*) from Booking group by state", Object[].class)
                .getResultList())
                .map(rows -> {
                    Map<Booking.State, Long> counts = new EnumMap<>(Booking.State.class);
                    rows.forEach(row -> counts.put((Booking.State) row[0], (Long) row[1]));
                    return counts;
                });
    }

    /** The booking, locked for the rest of the transaction so two workers never settle it twice. */
    public Uni<Booking> lock(String shipmentId) {
        return findById(shipmentId, LockModeType.PESSIMISTIC_WRITE);
    }
}
