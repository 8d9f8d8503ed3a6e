package dev.carrierhub.tracking.service;

import dev.carrierhub.carriers.TrackingEvent;
import dev.carrierhub.contracts.events.ProofOfDelivery;
import dev.carrierhub.core.outbox.Transactions;
import dev.carrierhub.core.problem.ProblemException;
import dev.carrierhub.core.tracing.TraceContext;
import dev.carrierhub.tracking.callback.CallbackSchemes;
import dev.carrierhub.tracking.callback.CarrierCallbacks;
import dev.carrierhub.tracking.callback.CarrierEventIds;
import dev.carrierhub.tracking.callback.Verdict;
import dev.carrierhub.tracking.config.TrackingConfig;
import dev.carrierhub.tracking.repository.Tracker;
import dev.carrierhub.tracking.repository.TrackerEvent;
import dev.carrierhub.tracking.repository.TrackerEventRepository;
import dev.carrierhub.tracking.repository.TrackerRepository;
import dev.carrierhub.tracking.repository.TrackingCallback;
import dev.carrierhub.tracking.repository.TrackingCallbackRepository;
import dev.carrierhub.tracking.timeline.MilestoneChange;
import dev.carrierhub.tracking.timeline.Timeline;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response.Status;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.jboss.logging.Logger;

/**
 * Takes a carrier callback: checks its size and signature before anything is stored, then in one
 * transaction stores it as received, adds its event to the shipment's history (once per carrier event
 * id), recomputes the milestone and appends what Odoo must hear. An event for a tracking number no
 * tracker knows yet is kept as an orphan (answered 202) and adopted when the label arrives.
 */
@ApplicationScoped
public class CallbackService {
    private static final Logger LOG = Logger.getLogger(CallbackService.class);
    private static final int MAX_TRACKING_NUMBER = 100;

    private final CallbackSchemes schemes;
    private final TrackingConfig config;
    private final TrackerRepository trackers;
    private final TrackerEventRepository events;
    private final TrackingCallbackRepository callbacks;
    private final MilestoneUpdates milestones;
    private final Transactions transactions;
    private final MeterRegistry meters;

    public CallbackService(CallbackSchemes schemes, TrackingConfig config, TrackerRepository trackers,
            TrackerEventRepository events, TrackingCallbackRepository callbacks, MilestoneUpdates milestones,
            Transactions transactions, MeterRegistry meters) {
        this.schemes = schemes;
        this.config = config;
        this.trackers = trackers;
        this.events = events;
        this.callbacks = callbacks;
        this.milestones = milestones;
        this.transactions = transactions;
        this.meters = meters;
    }

    /**
     * @param header looks up a request header by name
     * @throws ProblemException 413 (too large), 404 (no such carrier), 401 (signature), 503 (keys unavailable),
     *         400 (unreadable)
     */
    public Uni<Received> receive(String carrier, Function<String, String> header, byte[] rawBody) {
        if (rawBody.length > config.callbackMaxBytes()) {
            throw tooLarge(config.callbackMaxBytes());
        }
        CarrierCallbacks scheme = schemes.forCarrier(carrier).orElseThrow(() -> new ProblemException(Status.NOT_FOUND,
                "unknown-carrier", "No callbacks are taken for this carrier."));
        return onCallersContext(scheme.verify(header, rawBody, Instant.now()))
                .chain(verdict -> verified(carrier, scheme, rawBody, verdict));
    }

    private Uni<Received> verified(String carrier, CarrierCallbacks scheme, byte[] rawBody, Verdict verdict) {
        if (!verdict.valid()) {
            meters.counter("carrierhub.tracking.callbacks.rejected", "carrier", carrier,
                    "reason", verdict.name().toLowerCase(Locale.ROOT)).increment();
            if (verdict == Verdict.KEYS_UNAVAILABLE) {
                LOG.warnf("a %s callback could not be checked: the carrier's signing keys cannot be fetched", carrier);
                throw new ProblemException(Status.SERVICE_UNAVAILABLE, "signature-keys-unavailable",
                        "The callback signature cannot be checked now; send it again later.")
                        .withHeader("Retry-After", "60");
            }
            // The reason is counted and logged, not told: a forger learns nothing from the answer.
            LOG.debugf("refused a %s callback: %s", carrier, verdict);
            throw new ProblemException(Status.UNAUTHORIZED, "invalid-signature",
                    "The callback signature is missing, malformed, expired or wrong.");
        }
        Optional<TrackingEvent> event;
        try {
            event = scheme.parse(rawBody).map(CallbackService::fitted);
        } catch (IllegalArgumentException unreadable) {
            return storeUnreadable(carrier, rawBody, unreadable.getMessage()).<Received>map(stored -> {
                throw new ProblemException(Status.BAD_REQUEST, "unreadable-callback",
                        "The callback is signed but cannot be read as a " + carrier + " tracking event; it was kept as "
                                + stored + ".");
            });
        }
        if (event.isEmpty()) {
            return storeIgnored(carrier, rawBody);
        }
        return ingest(carrier, rawBody, event.get());
    }

    /**
     * A verdict delivered back on the caller's Vert.x context: a scheme that fetched keys completes on its HTTP
     * client's threads, where Hibernate Reactive would not find its session. One that answered at once stays put.
     */
    private static <T> Uni<T> onCallersContext(Uni<T> uni) {
        Context caller = Vertx.currentContext();
        if (caller == null) {
            return uni;
        }
        return uni.emitOn(task -> {
            if (Vertx.currentContext() == caller) {
                task.run();
            } else {
                caller.runOnContext(ignored -> task.run());
            }
        });
    }

    /**
     * The event cut to the columns it is stored in. A carrier's free text (a description, a place, a signer) is
     * shortened rather than failing the callback, which the carrier would send again forever; a tracking number
     * too long to be one is no event.
     */
    static TrackingEvent fitted(TrackingEvent event) {
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

    /** The problem for a body over the limit; also used before the body is read, from its Content-Length. */
    public static ProblemException tooLarge(int limit) {
        return new ProblemException(Status.REQUEST_ENTITY_TOO_LARGE, "callback-too-large",
                "A callback body may have at most " + limit + " bytes.");
    }

    private Uni<Received> ingest(String carrier, byte[] rawBody, TrackingEvent event) {
        Instant receivedAt = Instant.now();
        String eventId = CarrierEventIds.of(event);
        TrackingCallback callback = newCallback(carrier, rawBody, receivedAt);
        callback.trackingNumber = event.trackingNumber();
        callback.carrierEventId = eventId;
        return transactions.inTransaction(() -> trackers.lockByTrackingNumber(carrier, event.trackingNumber())
                .chain(tracker -> events.findByCarrierEventId(carrier, eventId).chain(known -> {
                    if (known != null) {
                        callback.outcome = TrackingCallback.Outcome.DUPLICATE;
                        callback.shipmentId = known.shipmentId;
                        return callbacks.persist(callback).replaceWith(callback);
                    }
                    TrackerEvent row = newEvent(carrier, eventId, event, receivedAt, callback.id);
                    if (tracker == null) {
                        callback.outcome = TrackingCallback.Outcome.ORPHAN;
                        return callbacks.persist(callback).chain(() -> events.persist(row)).replaceWith(callback);
                    }
                    callback.outcome = TrackingCallback.Outcome.STORED;
                    callback.shipmentId = tracker.shipmentId;
                    row.shipmentId = tracker.shipmentId;
                    return callbacks.persist(callback)
                            .chain(() -> apply(tracker, row))
                            .replaceWith(callback);
                })))
                .invoke(stored -> record(stored, event, receivedAt))
                .map(stored -> new Received(stored.id, stored.outcome.name().toLowerCase(Locale.ROOT),
                        stored.shipmentId, eventId));
    }

    private Uni<Void> apply(Tracker tracker, TrackerEvent row) {
        return events.timeline(tracker.shipmentId, tracker.carrier, tracker.trackingNumber).chain(history -> {
            Timeline before = Timeline.of(history.stream().map(TrackerEvent::toEntry).toList());
            Timeline after = before.with(row.toEntry());
            MilestoneChange change = MilestoneChange.of(before, row.toEntry());
            return events.persist(row).chain(() -> milestones.apply(tracker, after, change, row));
        });
    }

    private Uni<UUID> storeUnreadable(String carrier, byte[] rawBody, String why) {
        TrackingCallback callback = newCallback(carrier, rawBody, Instant.now());
        callback.outcome = TrackingCallback.Outcome.UNREADABLE;
        callback.failure = why;
        meters.counter("carrierhub.tracking.callbacks", "carrier", carrier, "outcome", "unreadable").increment();
        LOG.warnf("a signed %s callback could not be read, kept as %s: %s", carrier, callback.id, why);
        return transactions.inTransaction(() -> callbacks.persist(callback)).map(stored -> stored.id);
    }

    private Uni<Received> storeIgnored(String carrier, byte[] rawBody) {
        TrackingCallback callback = newCallback(carrier, rawBody, Instant.now());
        callback.outcome = TrackingCallback.Outcome.IGNORED;
        return transactions.inTransaction(() -> callbacks.persist(callback)).map(stored -> {
            meters.counter("carrierhub.tracking.callbacks", "carrier", carrier, "outcome", "ignored").increment();
            return new Received(stored.id, "ignored", null, null);
        });
    }

    private void record(TrackingCallback stored, TrackingEvent event, Instant receivedAt) {
        meters.counter("carrierhub.tracking.callbacks", "carrier", stored.carrier,
                "outcome", stored.outcome.name().toLowerCase(Locale.ROOT)).increment();
        if (stored.outcome != TrackingCallback.Outcome.DUPLICATE) {
            // How long a carrier event takes to reach us: the business latency of tracking.
            meters.timer("carrierhub.tracking.event.latency", "carrier", stored.carrier)
                    .record(Duration.between(event.occurredAt(), receivedAt).abs());
        }
    }

    private static TrackingCallback newCallback(String carrier, byte[] rawBody, Instant receivedAt) {
        TrackingCallback callback = new TrackingCallback();
        callback.id = UUID.randomUUID();
        callback.carrier = carrier;
        callback.receivedAt = receivedAt;
        callback.body = rawBody;
        TraceContext trace = TraceContext.current();
        callback.traceparent = trace.traceparent();
        callback.tracestate = trace.tracestate();
        return callback;
    }

    private static TrackerEvent newEvent(String carrier, String eventId, TrackingEvent event, Instant receivedAt,
            UUID callbackId) {
        TrackerEvent row = new TrackerEvent();
        row.id = UUID.randomUUID();
        row.carrier = carrier;
        row.carrierEventId = eventId;
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

    /** What a verified callback became. */
    public record Received(UUID callbackId, String outcome, String shipmentId, String eventId) {
    }
}
