package dev.carrierhub.intake.repository;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * One call order-intake makes to Odoo, keyed so that a redelivered event never plans (and so never
 * makes) the same write twice, with its outcome once it was sent or given up.
 */
@Entity
@Table(name = "odoo_writeback")
public class OdooWriteBack {
    @Id
    public UUID id;
    /** Planning order, from the database: a picking's writes are sent in this order. */
    @Column(insertable = false, updatable = false)
    public Long seq;
    @Column(name = "idempotency_key")
    public String idempotencyKey;
    @Column(name = "shipment_id")
    public String shipmentId;
    public String tenant;
    @Column(name = "picking_id")
    public long pickingId;
    public String kind;
    public String model;
    public String method;
    public String payload;
    @Enumerated(EnumType.STRING)
    public Status status;
    @Column(name = "planned_at")
    public Instant plannedAt;
    public int attempts;
    @Column(name = "next_attempt_at")
    public Instant nextAttemptAt;
    @Column(name = "first_attempt_at")
    public Instant firstAttemptAt;
    @Column(name = "last_attempt_at")
    public Instant lastAttemptAt;
    @Column(name = "outcome_unknown")
    public boolean outcomeUnknown;
    @Column(name = "last_error")
    public String lastError;
    @Enumerated(EnumType.STRING)
    public Failure failure;
    @Column(name = "odoo_result_id")
    public Long odooResultId;
    @Column(name = "sent_at")
    public Instant sentAt;
    @Column(name = "failed_at")
    public Instant failedAt;
    @Column(name = "dead_lettered_at")
    public Instant deadLetteredAt;
    public int replays;
    public String traceparent;
    public String tracestate;

    /** PLANNED until Odoo confirmed it (SENT) or it needs a person (FAILED, replayable). */
    public enum Status { PLANNED, SENT, FAILED }

    /** Why a write is FAILED: Odoo refused it, or Odoo stayed unreachable for longer than allowed. */
    public enum Failure { PERMANENT, GAVE_UP }
}
