package dev.carrierhub.tracking.repository;

import dev.carrierhub.contracts.events.Milestone;
import dev.carrierhub.contracts.events.ProofOfDelivery;
import dev.carrierhub.contracts.shipment.OdooPickingRef;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One labeled shipment being tracked: its carrier subscription and the milestone its events add up to. */
@Entity
@Table(name = "tracker")
public class Tracker {
    @Id
    @Column(name = "shipment_id")
    public String shipmentId;
    public String tenant;
    @Column(name = "picking_id")
    public long pickingId;
    @Column(name = "picking_name")
    public String pickingName;
    @Column(name = "picking_origin")
    public String pickingOrigin;
    public String carrier;
    @Column(name = "tracking_number")
    public String trackingNumber;
    @Enumerated(EnumType.STRING)
    public Milestone milestone;
    /** Carrier time of the event the milestone rests on; null while no event has arrived. */
    @Column(name = "milestone_at")
    public Instant milestoneAt;
    @Column(name = "pod_signed_by")
    public String podSignedBy;
    @Column(name = "pod_delivered_at")
    public Instant podDeliveredAt;
    @Column(name = "pod_location")
    public String podLocation;
    @Column(name = "pod_photo_url")
    public String podPhotoUrl;
    @Enumerated(EnumType.STRING)
    public Registration registration;
    @Column(name = "registered_at")
    public Instant registeredAt;
    public int attempts;
    @Column(name = "next_attempt_at")
    public Instant nextAttemptAt;
    @Column(name = "last_failure")
    public String lastFailure;
    /** When the poller asks the carrier next; null when this tracker is not polled or polling stopped. */
    @Column(name = "next_poll_at")
    public Instant nextPollAt;
    /** Look-ups in a row that failed or were refused; the back-off grows with it. */
    @Column(name = "poll_failures")
    public int pollFailures;
    @Column(name = "last_polled_at")
    public Instant lastPolledAt;
    public String traceparent;
    public String tracestate;
    @Column(name = "labeled_at")
    public Instant labeledAt;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;

    public OdooPickingRef picking() {
        return new OdooPickingRef(tenant, pickingId, pickingName, pickingOrigin);
    }

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

    /** Where the carrier subscription stands. */
    public enum Registration {
        /** To be registered (or retried) by the registrar. */
        PENDING,
        /** The carrier pushes this tracking number's events to us. */
        REGISTERED,
        /** The carrier refused, or retries ran out; a shipment.exception told Odoo. */
        FAILED,
        /** No account for this carrier here, or it neither pushes nor answers look-ups: nothing to register. */
        UNSUPPORTED,
        /** Not pushed: the poller looks the tracking number up until a final milestone or the maximum age. */
        POLLED
    }
}
