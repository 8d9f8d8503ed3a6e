package dev.carrierhub.label.repository;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A cancellation that came before its shipment was rated (the two travel on different topics): the
 * booking is then created cancelled instead of booked.
 */
@Entity
@Table(name = "cancellation")
public class Cancellation {
    @Id
    @Column(name = "shipment_id")
    public String shipmentId;
    public String reason;
    @Column(name = "requested_at")
    public Instant requestedAt;
    @Column(name = "source_event_id")
    public String sourceEventId;
}
