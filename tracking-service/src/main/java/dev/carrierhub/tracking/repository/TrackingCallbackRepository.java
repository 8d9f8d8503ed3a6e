package dev.carrierhub.tracking.repository;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;
import org.hibernate.LockMode;

/** Verified callbacks as received. */
@ApplicationScoped
public class TrackingCallbackRepository implements PanacheRepositoryBase<TrackingCallback, UUID> {
    /**
     * HQL through the session (which, unlike Panache's query, takes a SKIP LOCKED lock mode) rather than native
     * SQL: Hibernate caches an HQL plan by its text, while a native query with an entity result added a plan to
     * its plan cache on every call.
     */
    private static final String RECEIVED = "from TrackingCallback where outcome = :received order by receivedAt";

    private static final String ONE_RECEIVED = "from TrackingCallback where id = :id and outcome = :received";

    /** The oldest callbacks not applied yet, locked for this transaction; rows another replica holds are skipped. */
    public Uni<List<TrackingCallback>> lockReceived(int limit) {
        return Panache.getSession().chain(session -> session.createSelectionQuery(RECEIVED, TrackingCallback.class)
                .setParameter("received", TrackingCallback.Outcome.RECEIVED)
                .setLockMode(LockMode.UPGRADE_SKIPLOCKED)
                .setMaxResults(limit)
                .getResultList());
    }

    /** This callback if it is still waiting to be applied and no one else holds it, locked; otherwise null. */
    public Uni<TrackingCallback> lockReceived(UUID id) {
        return Panache.getSession().chain(session -> session.createSelectionQuery(ONE_RECEIVED, TrackingCallback.class)
                .setParameter("id", id)
                .setParameter("received", TrackingCallback.Outcome.RECEIVED)
                .setLockMode(LockMode.UPGRADE_SKIPLOCKED)
                .getResultList())
                .map(rows -> rows.isEmpty() ? null : rows.get(0));
    }

    /** How many callbacks wait to be applied. */
    public Uni<Long> countReceived() {
        return count("outcome", TrackingCallback.Outcome.RECEIVED);
    }
}
