package dev.carrierhub.tracking.repository;

import dev.carrierhub.core.tracing.TraceContext;
import dev.carrierhub.contracts.events.Milestone;
import dev.carrierhub.contracts.events.ProofOfDelivery;
import dev.carrierhub.tracking.timeline.TimelineEntry;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import java.time.Instant;
import java.util.UUID;

/** One carrier tracking event, stored once per carrier event id; part of a shipment's full history. */
@Entity
@Table(name = "tracking_event")
public class TrackerEvent {
    @Id
    public UUID id;
    public String carrier;
    @Column(name = "carrier_event_id")
    public String carrierEventId;
    @Column(name = "tracking_number")
    public String trackingNumber;
    /** Null while the event is an orphan: no tracker knew its tracking number when it arrived. */
    @Column(name = "shipment_id")
    public String shipmentId;
    @Enumerated(EnumType.STRING)
    public Milestone milestone;
    @Column(name = "carrier_status")
    public String carrierStatus;
    public String description;
    public String location;
    @Column(name = "occurred_at")
    public Instant occurredAt;
    @Column(name = "received_at")
    public Instant receivedAt;
    @Column(name = "pod_signed_by")
    public String podSignedBy;
    @Column(name = "pod_delivered_at")
    public Instant podDeliveredAt;
    @Column(name = "pod_location")
    public String podLocation;
    @Column(name = "pod_photo_url")
    public String podPhotoUrl;
    @Column(name = "callback_id")
    public UUID callbackId;
    /**
     * The trace the event arrived in (its callback's), for what it publishes; not stored here. Null: the trace of
     * the work at hand (a poll's).
     */
    @Transient
    public TraceContext trace;

    public ProofOfDelivery proofOfDelivery() {
        if (podSignedBy == null && podDeliveredAt == null && podLocation == null && podPhotoUrl == null) {
            return null;
        }
        return new ProofOfDelivery(podSignedBy, podDeliveredAt, podLocation, podPhotoUrl);
    }

    public void proofOfDelivery(ProofOfDelivery proof) {
        podSignedBy = proof == null ? null : proof.signedBy();
        podDeliveredAt = proof == null ? null : proof.deliveredAt();
        podLocation = proof == null ? null : proof.location();
        podPhotoUrl = proof == null ? null : proof.photoUrl();
    }

    public TimelineEntry toEntry() {
        return new TimelineEntry(carrierEventId, milestone, occurredAt, receivedAt, proofOfDelivery());
    }
}
