package dev.carrierhub.intake.repository;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A webhook exactly as Odoo sent it, stored before it is answered so nothing accepted is ever lost. */
@Entity
@Table(name = "webhook_event")
public class WebhookEvent {
    @Id
    public UUID id;
    public String tenant;
    public String model;
    @Column(name = "record_id")
    public long recordId;
    public String action;
    public String body;
    @Column(name = "received_at")
    public Instant receivedAt;
    @Enumerated(EnumType.STRING)
    public Status status;
    public int attempts;
    @Column(name = "next_attempt_at")
    public Instant nextAttemptAt;
    @Column(name = "shipment_id")
    public String shipmentId;
    public String failure;
    /** The picking state the webhook carried (absent when the rule sends no fields); a read must confirm it. */
    @Column(name = "claimed_state")
    public String claimedState;
    /** Odoo's webhook, or the sweep that found a picking whose webhook never came. */
    @Enumerated(EnumType.STRING)
    public Source source = Source.WEBHOOK;
    public String traceparent;
    public String tracestate;

    /** Where a webhook is in its processing. */
    public enum Status { RECEIVED, PROCESSED, DUPLICATE, IGNORED, FAILED }

    /** How the event reached the intake. */
    public enum Source { WEBHOOK, SWEEP }
}
