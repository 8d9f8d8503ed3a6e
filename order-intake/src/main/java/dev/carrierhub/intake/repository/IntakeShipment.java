package dev.carrierhub.intake.repository;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** order-intake's view of a shipment: which Odoo picking it belongs to and how far it has come. */
@Entity
@Table(name = "intake_shipment")
public class IntakeShipment {
    @Id
    public String id;
    public String tenant;
    @Column(name = "picking_id")
    public long pickingId;
    @Column(name = "picking_name")
    public String pickingName;
    @Enumerated(EnumType.STRING)
    public Status status;
    public String carrier;
    @Column(name = "tracking_number")
    public String trackingNumber;
    public String milestone;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;

    /** The intake's coarse lifecycle of a shipment. */
    public enum Status { REQUESTED, LABELED, EXCEPTION, CANCEL_REQUESTED }
}
