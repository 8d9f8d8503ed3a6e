package dev.carrierhub.tracking.service;

import dev.carrierhub.contracts.events.ShipmentException;
import dev.carrierhub.contracts.events.TrackingUpdated;
import dev.carrierhub.core.outbox.Outbox;
import dev.carrierhub.core.tracing.TraceContext;
import dev.carrierhub.tracking.repository.Tracker;
import dev.carrierhub.tracking.repository.TrackerEvent;
import dev.carrierhub.tracking.timeline.ExceptionReasons;
import dev.carrierhub.tracking.timeline.MilestoneChange;
import dev.carrierhub.tracking.timeline.Timeline;
import dev.carrierhub.tracking.timeline.TimelineEntry;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;

/**
 * Writes a milestone decision: the tracker's new state and, when something changed that Odoo should know,
 * {@code tracking.updated} (plus {@code shipment.exception} for milestones a person must act on) in the
 * same transaction. Runs inside the caller's transaction.
 */
@ApplicationScoped
public class MilestoneUpdates {
    private final Outbox outbox;
    private final MeterRegistry meters;

    public MilestoneUpdates(Outbox outbox, MeterRegistry meters) {
        this.outbox = outbox;
        this.meters = meters;
    }

    /**
     * @param tracker the tracker, locked in this transaction
     * @param after   the history including the new events
     * @param cause   the event that brought the change (its details travel in the update)
     */
    public Uni<Void> apply(Tracker tracker, Timeline after, MilestoneChange change, TrackerEvent cause) {
        tracker.milestone = change.current();
        tracker.milestoneAt = after.decisive().map(TimelineEntry::occurredAt).orElse(null);
        tracker.proofOfDelivery(change.proofAfter());
        tracker.updatedAt = Instant.now();
        if (!change.publishes()) {
            return Uni.createFrom().voidItem();
        }
        meters.counter("carrierhub.tracking.updates", "carrier", tracker.carrier,
                "milestone", change.current().name()).increment();
        TrackingUpdated update = new TrackingUpdated(tracker.shipmentId, tracker.picking(), tracker.carrier,
                tracker.trackingNumber, change.current(), change.previous(), cause.carrierStatus, cause.description,
                cause.location, cause.occurredAt, change.proofAfter());
        TraceContext trace = cause.trace != null ? cause.trace : TraceContext.current();
        Uni<?> appended = outbox.append(update, trace);
        if (change.raisesException()) {
            String reason = ExceptionReasons.of(change.current(), cause.carrierStatus, cause.description);
            String message = cause.description != null ? cause.description
                    : "The carrier reported " + (cause.carrierStatus != null ? cause.carrierStatus : reason) + ".";
            appended = appended.chain(() -> outbox.append(new ShipmentException(tracker.shipmentId, tracker.picking(),
                    "tracking", reason, message, tracker.carrier, false, cause.occurredAt), trace));
        }
        return appended.replaceWithVoid();
    }
}
