package dev.carrierhub.core.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One state change of an entity: who, when, from what to what, and in which trace. Never changed once written. */
@Entity
@Table(name = "audit_entry")
public class AuditEntry {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    public String actor;
    @Column(name = "occurred_at")
    public Instant occurredAt;
    @Column(name = "entity_type")
    public String entityType;
    @Column(name = "entity_id")
    public String entityId;
    @Column(name = "from_state")
    public String fromState;
    @Column(name = "to_state")
    public String toState;
    public String detail;
    /** What ties entries of different entities together, e.g. the shipment id. */
    @Column(name = "correlation_id")
    public String correlationId;
    public String traceparent;
}
