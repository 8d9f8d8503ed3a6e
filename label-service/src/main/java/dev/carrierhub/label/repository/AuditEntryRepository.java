package dev.carrierhub.label.repository;

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
}
