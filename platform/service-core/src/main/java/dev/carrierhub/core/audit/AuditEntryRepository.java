package dev.carrierhub.core.audit;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** The audit trail: appended to, read, never updated (the table refuses it). */
@ApplicationScoped
public class AuditEntryRepository implements PanacheRepositoryBase<AuditEntry, Long> {

    public Uni<List<AuditEntry>> forEntity(String entityType, String entityId) {
        return find("entityType = ?1 and entityId = ?2 order by id", entityType, entityId).list();
    }

    /** Every entry of one business case (e.g. a shipment) across entities, in the order written. */
    public Uni<List<AuditEntry>> forCorrelation(String correlationId) {
        return find("correlationId = ?1 order by id", correlationId).list();
    }
}
