package dev.carrierhub.tracking.repository;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A carrier callback whose signature was valid, byte for byte as signed, and what became of it. */
@Entity
@Table(name = "tracking_callback")
public class TrackingCallback {
    @Id
    public UUID id;
    public String carrier;
    @Column(name = "received_at")
    public Instant receivedAt;
    public byte[] body;
    @Enumerated(EnumType.STRING)
    public Outcome outcome;
    @Column(name = "tracking_number")
    public String trackingNumber;
    @Column(name = "carrier_event_id")
    public String carrierEventId;
    @Column(name = "shipment_id")
    public String shipmentId;
    public String failure;
    public String traceparent;
    public String tracestate;
    /** Times the processor tried to apply it and failed. */
    public int attempts;

    /** What one verified callback did. */
    public enum Outcome {
        /** Verified and stored, not applied yet. */
        RECEIVED,
        /** Applying it failed {@code intake.max-attempts} times; kept for an operator, with the failure. */
        FAILED,
        /** A new event of a tracked shipment. */
        STORED,
        /** An event we already had (a carrier retry or a replay within the signature window). */
        DUPLICATE,
        /** A new event for a tracking number no tracker knows yet; adopted when the tracker appears. */
        ORPHAN,
        /** Authentic, but not a callback we can read. */
        UNREADABLE,
        /** Authentic and readable, but about something other than tracking (an EasyPost refund, a Sendcloud integration). */
        IGNORED
    }
}
