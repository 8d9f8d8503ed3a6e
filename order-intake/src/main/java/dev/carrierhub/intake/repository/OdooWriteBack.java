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
 * One call order-intake will make to Odoo, keyed so that a redelivered event never plans (and so never
 * makes) the same write twice.
 */
@Entity
@Table(name = "odoo_writeback")
public class OdooWriteBack {
    @Id
    public UUID id;
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

    /** PLANNED until the Odoo client sends it. */
    public enum Status { PLANNED, SENT, FAILED }
}
