package dev.carrierhub.label.service;

import dev.carrierhub.core.tracing.TraceContext;
import dev.carrierhub.label.repository.AuditEntry;
import dev.carrierhub.label.repository.AuditEntryRepository;
import dev.carrierhub.label.repository.Booking;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Appends booking transitions to the audit trail, in the caller's transaction and trace. */
@ApplicationScoped
public class AuditTrail {
    public static final String BOOKING = "booking";

    private final AuditEntryRepository entries;
    private final String actor;

    public AuditTrail(AuditEntryRepository entries, @ConfigProperty(name = "quarkus.application.name") String actor) {
        this.entries = entries;
        this.actor = actor;
    }

    /** Records that a booking went from {@code from} (null when it was created) to {@code to}. */
    public Uni<Void> booking(String shipmentId, Booking.State from, Booking.State to, String detail) {
        AuditEntry entry = new AuditEntry();
        entry.actor = actor;
        entry.occurredAt = Instant.now();
        entry.entityType = BOOKING;
        entry.entityId = shipmentId;
        entry.fromState = from == null ? null : from.name();
        entry.toState = to.name();
        entry.detail = detail;
        entry.traceparent = TraceContext.current().traceparent();
        return entries.persist(entry).replaceWithVoid();
    }
}
