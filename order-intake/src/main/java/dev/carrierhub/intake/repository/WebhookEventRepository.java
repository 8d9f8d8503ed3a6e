package dev.carrierhub.intake.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/** Stored webhooks and the queue of those still to process. */
@ApplicationScoped
public class WebhookEventRepository implements PanacheRepositoryBase<WebhookEvent, UUID> {

    public Uni<List<WebhookEvent>> due(Instant now, int limit) {
        return find("status = ?1 and nextAttemptAt <= ?2 order by receivedAt", WebhookEvent.Status.RECEIVED, now)
                .page(0, limit)
                .list();
    }

    /** The event, locked for the rest of the transaction so two workers never settle it twice. */
    public Uni<WebhookEvent> lock(UUID id) {
        return findById(id, LockModeType.PESSIMISTIC_WRITE);
    }

    /** Every event of these pickings, whatever their status. */
    public Uni<List<WebhookEvent>> forPickings(String tenant, Collection<Long> pickingIds) {
        return find("tenant = ?1 and model = 'stock.picking' and recordId in ?2", tenant, pickingIds).list();
    }
}
