package dev.carrierhub.tracking.service;

import dev.carrierhub.contracts.events.ShipmentLabeled;
import dev.carrierhub.core.inbox.PoisonEventException;
import dev.carrierhub.core.tracing.TraceContext;
import dev.carrierhub.tracking.repository.Tracker;
import dev.carrierhub.tracking.repository.TrackerEvent;
import dev.carrierhub.tracking.repository.TrackerEventRepository;
import dev.carrierhub.tracking.repository.TrackerRepository;
import dev.carrierhub.tracking.timeline.MilestoneChange;
import dev.carrierhub.tracking.timeline.Timeline;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Starts tracking a labeled shipment: creates its tracker (registered with the carrier after commit by
 * {@link TrackerRegistrar}) and adopts events that arrived for its tracking number before it did. Runs
 * inside the idempotent consumer's transaction.
 */
@ApplicationScoped
public class TrackerService {
    private static final Logger LOG = Logger.getLogger(TrackerService.class);

    private final TrackerRepository trackers;
    private final TrackerEventRepository events;
    private final MilestoneUpdates milestones;
    private final MeterRegistry meters;

    public TrackerService(TrackerRepository trackers, TrackerEventRepository events, MilestoneUpdates milestones,
            MeterRegistry meters) {
        this.trackers = trackers;
        this.events = events;
        this.milestones = milestones;
        this.meters = meters;
    }

    public Uni<Void> track(ShipmentLabeled labeled) {
        return trackers.findByTrackingNumber(labeled.carrier(), labeled.trackingNumber()).chain(owner -> {
            if (owner != null && !owner.shipmentId.equals(labeled.shipmentId())) {
                // Two shipments cannot share one carrier's tracking number: a person has to look at this event.
                throw new PoisonEventException("tracking number " + labeled.trackingNumber() + " of " + labeled.carrier()
                        + " is already tracked for shipment " + owner.shipmentId + ", not " + labeled.shipmentId());
            }
            return trackers.lock(labeled.shipmentId());
        }).chain(existing -> {
            if (existing == null) {
                return start(newTracker(labeled));
            }
            if (existing.carrier.equals(labeled.carrier()) && existing.trackingNumber.equals(labeled.trackingNumber())) {
                return Uni.createFrom().voidItem();
            }
            if (!labeled.labeledAt().isAfter(existing.labeledAt)) {
                LOG.infof("ignoring an older label of shipment %s (%s), tracking %s stays", labeled.shipmentId(),
                        labeled.trackingNumber(), existing.trackingNumber);
                return Uni.createFrom().voidItem();
            }
            relabel(existing, labeled);
            return adopt(existing);
        });
    }

    private Uni<Void> start(Tracker tracker) {
        meters.counter("carrierhub.tracking.trackers", "carrier", tracker.carrier).increment();
        return trackers.persist(tracker).chain(this::adopt);
    }

    /** Events that came before the tracker now belong to it; they may already decide its milestone. */
    private Uni<Void> adopt(Tracker tracker) {
        return events.adoptOrphans(tracker.carrier, tracker.trackingNumber, tracker.shipmentId).chain(adopted -> {
            if (adopted == 0) {
                return Uni.createFrom().voidItem();
            }
            LOG.infof("shipment %s adopted %d tracking event(s) that arrived before its label", tracker.shipmentId,
                    adopted);
            return events.timeline(tracker.shipmentId, tracker.carrier, tracker.trackingNumber).chain(history -> {
                Timeline after = Timeline.of(history.stream().map(TrackerEvent::toEntry).toList());
                MilestoneChange change = MilestoneChange.between(Timeline.empty(), after, false);
                TrackerEvent cause = decisive(history, after);
                return milestones.apply(tracker, after, change, cause);
            });
        });
    }

    private static TrackerEvent decisive(List<TrackerEvent> history, Timeline timeline) {
        String id = timeline.decisive().map(e -> e.eventId()).orElse(null);
        return history.stream().filter(e -> e.carrierEventId.equals(id)).findFirst()
                .orElse(history.get(history.size() - 1));
    }

    private static Tracker newTracker(ShipmentLabeled labeled) {
        Tracker tracker = new Tracker();
        tracker.shipmentId = labeled.shipmentId();
        tracker.tenant = labeled.picking().tenant();
        tracker.pickingId = labeled.picking().pickingId();
        tracker.pickingName = labeled.picking().pickingName();
        tracker.pickingOrigin = labeled.picking().origin();
        tracker.createdAt = Instant.now();
        relabel(tracker, labeled);
        return tracker;
    }

    /** Points the tracker at a (new) label: a fresh subscription and a fresh milestone. */
    private static void relabel(Tracker tracker, ShipmentLabeled labeled) {
        TraceContext trace = TraceContext.current();
        tracker.carrier = labeled.carrier();
        tracker.trackingNumber = labeled.trackingNumber();
        tracker.labeledAt = labeled.labeledAt();
        tracker.milestone = Timeline.INITIAL;
        tracker.milestoneAt = null;
        tracker.proofOfDelivery(null);
        tracker.registration = Tracker.Registration.PENDING;
        tracker.registeredAt = null;
        tracker.attempts = 0;
        tracker.nextAttemptAt = Instant.now();
        tracker.lastFailure = null;
        tracker.traceparent = trace.traceparent();
        tracker.tracestate = trace.tracestate();
        tracker.updatedAt = Instant.now();
    }
}
