package dev.carrierhub.tracking.repository;

import dev.carrierhub.tracking.polling.PollSchedule;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.hibernate.LockMode;

/** Trackers, the lock that serialises one tracker's callbacks, and the queue of pending registrations. */
@ApplicationScoped
public class TrackerRepository implements PanacheRepositoryBase<Tracker, String> {
    /**
     * Pending registrations that are due. HQL through the session (which, unlike Panache's query, takes a SKIP
     * LOCKED lock mode) rather than native SQL: Hibernate caches an HQL plan by its text, while a native query
     * with an entity result added a plan to its plan cache on every call.
     */
    private static final String DUE_REGISTRATIONS = """
            from Tracker
             where registration = :registration and nextAttemptAt <= :now
             order by nextAttemptAt""";

    /** Polled trackers that are due and not final yet. */
    private static final String DUE_POLLS = """
            from Tracker
             where registration = :registration and nextPollAt <= :now and milestone not in :final
             order by nextPollAt""";

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
        return Panache.getSession().chain(session -> session.createSelectionQuery(DUE_REGISTRATIONS, Tracker.class)
                .setParameter("registration", Tracker.Registration.PENDING)
                .setParameter("now", now)
                .setLockMode(LockMode.UPGRADE_SKIPLOCKED)
                .setMaxResults(limit)
                .getResultList());
    }

    /** Polled trackers that are due, locked for this transaction; rows another replica holds are skipped. */
    public Uni<List<Tracker>> lockDuePolls(Instant now, int limit) {
        return Panache.getSession().chain(session -> session.createSelectionQuery(DUE_POLLS, Tracker.class)
                .setParameter("registration", Tracker.Registration.POLLED)
                .setParameter("now", now)
                .setParameter("final", PollSchedule.FINAL)
                .setLockMode(LockMode.UPGRADE_SKIPLOCKED)
                .setMaxResults(limit)
                .getResultList());
    }

    /** How many polled trackers are due now, leased ones excluded. */
    public Uni<Long> countDuePolls(Instant now) {
        return count("registration = ?1 and nextPollAt <= ?2", Tracker.Registration.POLLED, now);
    }
}
