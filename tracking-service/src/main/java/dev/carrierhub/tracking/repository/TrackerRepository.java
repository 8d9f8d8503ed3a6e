package dev.carrierhub.tracking.repository;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.Collection;
import java.util.List;

/** Trackers, the lock that serialises one tracker's callbacks, and the queue of pending registrations. */
@ApplicationScoped
public class TrackerRepository implements PanacheRepositoryBase<Tracker, String> {
    /** Native, because Panache Reactive takes no query hints, so no SKIP LOCKED through HQL. */
    private static final String DUE_REGISTRATIONS = """
            select * from tracker
             where registration = 'PENDING' and next_attempt_at <= ?1
             order by next_attempt_at
             limit ?2
               for update skip locked""";

    /** Polled trackers that are due and not final yet; same reason for a native query. */
    private static final String DUE_POLLS = """
            select * from tracker
             where registration = 'POLLED' and next_poll_at <= ?1
               and milestone not in ('DELIVERED', 'RETURNED_TO_SENDER', 'CANCELLED')
             order by next_poll_at
             limit ?2
               for update skip locked""";

    /** The tracker, locked for the rest of the transaction so two callbacks never decide from the same state. */
    public Uni<Tracker> lock(String shipmentId) {
        return findById(shipmentId, LockModeType.PESSIMISTIC_WRITE);
    }

    public Uni<Tracker> lockByTrackingNumber(String carrier, String trackingNumber) {
        return find("carrier = ?1 and trackingNumber = ?2", carrier, trackingNumber)
                .withLock(LockModeType.PESSIMISTIC_WRITE)
                .firstResult();
    }

    /**
     * The trackers of these tracking numbers, locked, always in shipment id order, so two transactions locking
     * overlapping sets wait for each other instead of deadlocking.
     */
    public Uni<List<Tracker>> lockByTrackingNumbers(String carrier, Collection<String> trackingNumbers) {
        return find("carrier = ?1 and trackingNumber in ?2 order by shipmentId", carrier, trackingNumbers)
                .withLock(LockModeType.PESSIMISTIC_WRITE)
                .list();
    }

    public Uni<Tracker> findByTrackingNumber(String carrier, String trackingNumber) {
        return find("carrier = ?1 and trackingNumber = ?2", carrier, trackingNumber).firstResult();
    }

    /** Pending registrations that are due, locked for this transaction; rows another replica holds are skipped. */
    public Uni<List<Tracker>> lockDueRegistrations(Instant now, int limit) {
        return Panache.getSession().chain(session -> session.createNativeQuery(DUE_REGISTRATIONS, Tracker.class)
                .setParameter(1, now)
                .setParameter(2, limit)
                .getResultList());
    }

    /** Polled trackers that are due, locked for this transaction; rows another replica holds are skipped. */
    public Uni<List<Tracker>> lockDuePolls(Instant now, int limit) {
        return Panache.getSession().chain(session -> session.createNativeQuery(DUE_POLLS, Tracker.class)
                .setParameter(1, now)
                .setParameter(2, limit)
                .getResultList());
    }

    /** How many polled trackers are due now, leased ones excluded. */
    public Uni<Long> countDuePolls(Instant now) {
        return count("registration = ?1 and nextPollAt <= ?2", Tracker.Registration.POLLED, now);
    }
}
