package dev.carrierhub.core.outbox;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One event waiting in the outbox table, written in the same transaction as the change it announces. */
@Entity
@Table(name = "outbox_event")
public class OutboxEvent {
    @Id
    public UUID id;

    /** Insertion order, assigned by the database; the relay publishes in this order. */
    @Column(insertable = false, updatable = false)
    public Long seq;

    public String topic;

    @Column(name = "ce_type")
    public String ceType;

    @Column(name = "ce_source")
    public String ceSource;

    /** The shipment id: Kafka key and CloudEvents subject. */
    public String subject;

    @Column(name = "occurred_at")
    public Instant occurredAt;

    public String payload;

    public String traceparent;

    public String tracestate;

    @Column(name = "published_at")
    public Instant publishedAt;
}
