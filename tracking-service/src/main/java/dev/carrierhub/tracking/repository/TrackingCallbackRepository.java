package dev.carrierhub.tracking.repository;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

/** Verified callbacks as received. */
@ApplicationScoped
public class TrackingCallbackRepository implements PanacheRepositoryBase<TrackingCallback, UUID> {
    /** Native, because Panache Reactive takes no query hints, so no SKIP LOCKED through HQL. */
    private static final String RECEIVED = """
            select * from tracking_callback
             where outcome = 'RECEIVED'
             order by received_at
             limit ?1
               for update skip locked""";

    private static final String ONE_RECEIVED = """
            select * from tracking_callback
             where id = ?1 and outcome = 'RECEIVED'
               for update skip locked""";

    /** The oldest callbacks not applied yet, locked for this transaction; rows another replica holds are skipped. */
    public Uni<List<TrackingCallback>> lockReceived(int limit) {
        return Panache.getSession().chain(session -> session.createNativeQuery(RECEIVED, TrackingCallback.class)
                .setParameter(1, limit)
                .getResultList());
    }

    /** This callback if it is still waiting to be applied and no one else holds it, locked; otherwise null. */
    public Uni<TrackingCallback> lockReceived(UUID id) {
        return Panache.getSession().chain(session -> session.createNativeQuery(ONE_RECEIVED, TrackingCallback.class)
                .setParameter(1, id)
                .getResultList())
                .map(rows -> rows.isEmpty() ? null : rows.get(0));
    }

    /** How many callbacks wait to be applied. */
    public Uni<Long> countReceived() {
        return count("outcome", TrackingCallback.Outcome.RECEIVED);
    }
}
