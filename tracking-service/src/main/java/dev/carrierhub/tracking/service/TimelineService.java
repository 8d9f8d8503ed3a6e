package dev.carrierhub.tracking.service;

import dev.carrierhub.carriers.TrackingEvent;
import dev.carrierhub.contracts.events.ProofOfDelivery;
import dev.carrierhub.tracking.callback.CarrierEventIds;
import dev.carrierhub.tracking.repository.Tracker;
import dev.carrierhub.tracking.repository.TrackerEvent;
import dev.carrierhub.tracking.repository.TrackerEventRepository;
import dev.carrierhub.tracking.timeline.MilestoneChange;
import dev.carrierhub.tracking.timeline.Timeline;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Applies carrier events to a tracker: the one path that pushed callbacks and polls share. Events already
 * stored (same carrier event id) are dropped, each new one joins the history in turn under the timeline
 * rules, and {@link MilestoneUpdates} writes the tracker's state and what must be published.
 */
@ApplicationScoped
public class TimelineService {
    private static final int MAX_TRACKING_NUMBER = 100;

    private final TrackerEventRepository events;
    private final MilestoneUpdates milestones;

    public TimelineService(TrackerEventRepository events, MilestoneUpdates milestones) {
        this.events = events;
        this.milestones = milestones;
    }

    /**
     * Runs inside the caller's transaction, with {@code tracker} locked.
     *
     * @param rows events of the tracker's carrier and tracking number, in the order they were received
     * @return the rows that were new and are now stored
     */
    public Uni<List<TrackerEvent>> apply(Tracker tracker, List<TrackerEvent> rows) {
        if (rows.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        List<String> ids = rows.stream().map(row -> row.carrierEventId).distinct().toList();
        return events.knownIds(tracker.carrier, ids).chain(known -> {
            Set<String> seen = new HashSet<>(known);
            List<TrackerEvent> fresh = new ArrayList<>();
            rows.forEach(row -> {
                if (seen.add(row.carrierEventId)) {
                    fresh.add(row);
                }
            });
            return applyNew(tracker, fresh).replaceWith(List.copyOf(fresh));
        });
    }

    /**
     * Like {@link #apply}, for rows the caller has already found to be new (none stored yet, no two alike): each
     * joins the history in turn, and the milestone follows.
     */
    public Uni<Void> applyNew(Tracker tracker, List<TrackerEvent> fresh) {
        if (fresh.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return events.timeline(tracker.shipmentId, tracker.carrier, tracker.trackingNumber)
                .chain(history -> applyNew(tracker, history, fresh));
    }

    /**
     * Like {@link #applyNew(Tracker, List)}, with the tracker's history already read (its current label's events,
     * oldest first): no query, only writes, so a caller applying many trackers in one transaction reads all
     * their histories at once.
     */
    public Uni<Void> applyNew(Tracker tracker, List<TrackerEvent> history, List<TrackerEvent> fresh) {
        Timeline current = Timeline.of(history.stream().map(TrackerEvent::toEntry).toList());
        Uni<Void> applied = Uni.createFrom().voidItem();
        for (TrackerEvent row : fresh) {
            row.shipmentId = tracker.shipmentId;
            Timeline before = current;
            Timeline after = before.with(row.toEntry());
            MilestoneChange change = MilestoneChange.of(before, row.toEntry());
            current = after;
            applied = applied.chain(() -> events.persist(row))
                    .chain(() -> milestones.apply(tracker, after, change, row));
        }
        return applied;
    }

    /** A history row for a carrier event, not yet given to any shipment. */
    public static TrackerEvent row(String carrier, TrackingEvent event, Instant receivedAt, UUID callbackId) {
        TrackerEvent row = new TrackerEvent();
        row.id = UUID.randomUUID();
        row.carrier = carrier;
        row.carrierEventId = CarrierEventIds.of(event);
        row.trackingNumber = event.trackingNumber();
        row.milestone = event.milestone();
        row.carrierStatus = event.carrierStatus();
        row.description = event.description();
        row.location = event.location();
        row.occurredAt = event.occurredAt();
        row.receivedAt = receivedAt;
        row.proofOfDelivery(event.proofOfDelivery());
        row.callbackId = callbackId;
        return row;
    }

    /**
     * The event cut to the columns it is stored in. A carrier's free text (a description, a place, a signer) is
     * shortened rather than failing the event, which a carrier would send again forever; a tracking number too
     * long to be one is no event.
     *
     * @throws IllegalArgumentException for a blank or over-long tracking number
     */
    public static TrackingEvent fitted(TrackingEvent event) {
        if (event.trackingNumber().isBlank() || event.trackingNumber().length() > MAX_TRACKING_NUMBER) {
            throw new IllegalArgumentException("tracking number of " + event.trackingNumber().length() + " characters");
        }
        ProofOfDelivery proof = event.proofOfDelivery();
        ProofOfDelivery fittedProof = proof == null ? null : new ProofOfDelivery(cut(proof.signedBy(), 200),
                proof.deliveredAt(), cut(proof.location(), 300), proof.photoUrl() != null && proof.photoUrl().length() > 1000
                        ? null : proof.photoUrl());
        return new TrackingEvent(event.eventId(), event.trackingNumber(), event.milestone(), cut(event.carrierStatus(), 100),
                event.description(), cut(event.location(), 300), event.occurredAt(), fittedProof);
    }

    private static String cut(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }
}
