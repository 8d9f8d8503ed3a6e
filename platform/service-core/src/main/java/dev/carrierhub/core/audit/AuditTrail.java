package dev.carrierhub.core.audit;

import dev.carrierhub.core.tracing.TraceContext;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Appends a state change to the audit trail, in the caller's transaction and trace: the change and its
 * record commit or roll back together. The actor is this service.
 */
@ApplicationScoped
public class AuditTrail {
    private final AuditEntryRepository entries;
    private final String actor;

    public AuditTrail(AuditEntryRepository entries, @ConfigProperty(name = "quarkus.application.name") String actor) {
        this.entries = entries;
        this.actor = actor;
    }

    /** Records that {@code entityType}/{@code entityId} went from {@code from} (null when created) to {@code to}. */
    public Uni<Void> append(String entityType, String entityId, String from, String to, String detail,
            String correlationId) {
        return entries.persist(entry(entityType, entityId, from, to, detail, correlationId)).replaceWithVoid();
    }

    /**
     * The entry {@link #append} would write, not written: for a caller that writes it in its own statement
     * (a hot path that stores its row and the entry in one round trip).
     */
    public AuditEntry entry(String entityType, String entityId, String from, String to, String detail,
            String correlationId) {
        AuditEntry entry = new AuditEntry();
        entry.actor = actor;
        entry.occurredAt = Instant.now();
        entry.entityType = entityType;
        entry.entityId = entityId;
        entry.fromState = from;
        entry.toState = to;
        entry.detail = detail;
        entry.correlationId = correlationId;
        entry.traceparent = TraceContext.current().traceparent();
        return entry;
    }
}
