package dev.carrierhub.tracking.service;

import dev.carrierhub.carriers.TrackingEvent;
import dev.carrierhub.core.outbox.Transactions;
import dev.carrierhub.core.problem.ProblemException;
import dev.carrierhub.core.tracing.TraceContext;
import dev.carrierhub.tracking.callback.CallbackSchemes;
import dev.carrierhub.tracking.callback.CarrierCallbacks;
import dev.carrierhub.tracking.callback.Verdict;
import dev.carrierhub.tracking.config.TrackingConfig;
import dev.carrierhub.tracking.repository.TrackerEvent;
import dev.carrierhub.tracking.repository.TrackerEventRepository;
import dev.carrierhub.tracking.repository.TrackerRepository;
import dev.carrierhub.tracking.repository.TrackingCallback;
import dev.carrierhub.tracking.repository.TrackingCallbackRepository;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response.Status;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
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
    
    private final CallbackSchemes schemes;
    private final TrackingConfig config;
    private final TrackerRepository trackers;
    private final TrackerEventRepository events;
    private final TrackingCallbackRepository callbacks;
    private final TimelineService timelines;
    private final Transactions transactions;
    private final MeterRegistry meters;

    public CallbackService(CallbackSchemes schemes, TrackingConfig config, TrackerRepository trackers,
            TrackerEventRepository events, TrackingCallbackRepository callbacks, TimelineService timelines,
            Transactions transactions, MeterRegistry meters) {
        this.schemes = schemes;
        this.config = config;
        this.trackers = trackers;
        this.events = events;
        this.callbacks = callbacks;
        this.timelines = timelines;
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

    /** The event cut to the columns it is stored in; see {@link TimelineService#fitted(TrackingEvent)}. */
    static TrackingEvent fitted(TrackingEvent event) {
        return TimelineService.fitted(event);
    }

    /** The problem for a body over the limit; also used before the body is read, from its Content-Length. */
    public static ProblemException tooLarge(int limit) {
        return new ProblemException(Status.REQUEST_ENTITY_TOO_LARGE, "callback-too-large",
                "A callback body may have at most " + limit + " bytes.");
    }

    private Uni<Received> ingest(String carrier, byte[] rawBody, TrackingEvent event) {
        Instant receivedAt = Instant.now();
        TrackerEvent row = TimelineService.row(carrier, event, receivedAt, null);
        String eventId = row.carrierEventId;
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
                    row.callbackId = callback.id;
                    if (tracker == null) {
                        callback.outcome = TrackingCallback.Outcome.ORPHAN;
                        return callbacks.persist(callback).chain(() -> events.persist(row)).replaceWith(callback);
                    }
                    callback.outcome = TrackingCallback.Outcome.STORED;
                    callback.shipmentId = tracker.shipmentId;
                    row.shipmentId = tracker.shipmentId;
                    return callbacks.persist(callback)
                            .chain(() -> timelines.apply(tracker, List.of(row)))
                            .replaceWith(callback);
                })))
                .invoke(stored -> record(stored, event, receivedAt))
                .map(stored -> new Received(stored.id, stored.outcome.name().toLowerCase(Locale.ROOT),
                        stored.shipmentId, eventId));
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

    /** What a verified callback became. */
    public record Received(UUID callbackId, String outcome, String shipmentId, String eventId) {
    }
}
