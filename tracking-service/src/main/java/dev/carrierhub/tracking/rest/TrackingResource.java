package dev.carrierhub.tracking.rest;

import dev.carrierhub.contracts.events.ProofOfDelivery;
import dev.carrierhub.core.problem.Problem;
import dev.carrierhub.core.problem.ProblemException;
import dev.carrierhub.tracking.repository.Tracker;
import dev.carrierhub.tracking.repository.TrackerEvent;
import dev.carrierhub.tracking.repository.TrackerEventRepository;
import dev.carrierhub.tracking.repository.TrackerRepository;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response.Status;
import java.time.Instant;
import java.util.List;

/** Read side: a shipment's current milestone and its tracking history, oldest event first. */
@Path("/shipments/{id}/tracking")
public class TrackingResource {
    private final TrackerRepository trackers;
    private final TrackerEventRepository events;

    public TrackingResource(TrackerRepository trackers, TrackerEventRepository events) {
        this.trackers = trackers;
        this.events = events;
    }

    @GET
    @WithSession
    @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
    public Uni<TrackingView> get(@PathParam("id") String id) {
        return trackers.findById(id)
                .onItem().ifNull().failWith(() -> new ProblemException(Status.NOT_FOUND, "shipment-not-found",
                        "No shipment " + id + " is tracked by tracking-service."))
                .chain(tracker -> events.timeline(tracker.shipmentId, tracker.carrier, tracker.trackingNumber)
                        .map(history -> TrackingView.of(tracker, history)));
    }

    /** The JSON shape of {@link #get}; {@code polling} is null for a shipment whose carrier pushes. */
    public record TrackingView(String shipmentId, String carrier, String trackingNumber, String milestone,
            Instant milestoneAt, ProofOfDelivery proofOfDelivery, String registration, int registrationAttempts,
            PollingView polling, List<EventView> events) {
        static TrackingView of(Tracker t, List<TrackerEvent> history) {
            PollingView polling = t.registration == Tracker.Registration.POLLED
                    ? new PollingView(t.nextPollAt, t.lastPolledAt, t.pollFailures, t.lastFailure)
                    : null;
            return new TrackingView(t.shipmentId, t.carrier, t.trackingNumber, t.milestone.name(), t.milestoneAt,
                    t.proofOfDelivery(), t.registration.name(), t.attempts, polling,
                    history.stream().map(EventView::of).toList());
        }
    }

    /**
     * Where polling of a shipment stands: the next look-up (null once a final milestone came or polling stopped),
     * the last one the carrier answered, and the failures in a row since.
     */
    public record PollingView(Instant nextPollAt, Instant lastPolledAt, int failuresInARow, String lastFailure) {
    }

    /** One event of the history. */
    public record EventView(String eventId, String milestone, String carrierStatus, String description,
            String location, Instant occurredAt, Instant receivedAt, ProofOfDelivery proofOfDelivery) {
        static EventView of(TrackerEvent e) {
            return new EventView(e.carrierEventId, e.milestone.name(), e.carrierStatus, e.description, e.location,
                    e.occurredAt, e.receivedAt, e.proofOfDelivery());
        }
    }
}
