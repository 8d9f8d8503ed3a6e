package dev.carrierhub.intake.repository;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.hibernate.LockMode;

/** Write-backs planned for Odoo, the queue of those due, and their outcomes. */
@ApplicationScoped
public class OdooWriteBackRepository implements PanacheRepositoryBase<OdooWriteBack, UUID> {
    /**
     * The due writes that head their picking's queue: nothing older of the same picking is unsent (PLANNED,
     * or FAILED and waiting for an operator). Locked, skipping rows another replica is claiming. HQL rather
     * than native SQL: Hibernate caches an HQL plan by its text, while each native query with an entity result
     * added a plan of its own to the plan cache (all under one hash, so every lookup walked them all).
     */
    private static final String DUE_HEADS = """
            from OdooWriteBack w
             where w.status = :planned and w.nextAttemptAt <= :now
               and not exists (from OdooWriteBack o
                                where o.tenant = w.tenant and o.pickingId = w.pickingId
                                  and o.status <> :sent and o.seq < w.seq)
             order by w.nextAttemptAt, w.seq""";

    public Uni<List<OdooWriteBack>> forShipment(String shipmentId) {
        return find("shipmentId = ?1 order by seq", shipmentId).list();
    }

    public Uni<Boolean> existsByKey(String idempotencyKey) {
        return count("idempotencyKey", idempotencyKey).map(n -> n > 0);
    }

    /** Up to {@code limit} due queue heads, locked for the caller's transaction (see {@link #DUE_HEADS}). */
    public Uni<List<OdooWriteBack>> lockDueHeads(Instant now, int limit) {
        return Panache.getSession().chain(session -> session.createSelectionQuery(DUE_HEADS, OdooWriteBack.class)
                .setParameter("planned", OdooWriteBack.Status.PLANNED)
                .setParameter("now", now)
                .setParameter("sent", OdooWriteBack.Status.SENT)
                // Rows another replica's transaction is claiming are left to it, not waited for.
                .setLockMode(LockMode.UPGRADE_SKIPLOCKED)
                .setMaxResults(limit)
                .getResultList());
    }

    /** The write-back, locked for the rest of the transaction so two workers never settle it twice. */
    public Uni<OdooWriteBack> lock(UUID id) {
        return findById(id, LockModeType.PESSIMISTIC_WRITE);
    }

    /** FAILED writes not yet published to the dead-letter topic, oldest first. */
    public Uni<List<OdooWriteBack>> undeadLettered(int limit) {
        return find("status = ?1 and deadLetteredAt is null order by failedAt", OdooWriteBack.Status.FAILED)
                .page(0, limit).list();
    }

    /** For operators: newest first, narrowed by whatever is given (null: any). */
    public Uni<List<OdooWriteBack>> search(OdooWriteBack.Status status, Collection<String> tenants, Long pickingId,
            int limit) {
        StringBuilder query = new StringBuilder("1 = 1");
        Parameters parameters = new Parameters();
        if (status != null) {
            query.append(" and status = :status");
            parameters.and("status", status);
        }
        if (tenants != null) {
            if (tenants.isEmpty()) {
                return Uni.createFrom().item(List.of());
            }
            query.append(" and tenant in :tenants");
            parameters.and("tenants", tenants);
        }
        if (pickingId != null) {
            query.append(" and pickingId = :pickingId");
            parameters.and("pickingId", pickingId);
        }
        return find(query.append(" order by seq desc").toString(), parameters).page(0, limit).list();
    }
}
