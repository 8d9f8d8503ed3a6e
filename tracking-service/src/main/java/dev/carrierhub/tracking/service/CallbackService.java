package dev.carrierhub.tracking.service;

import dev.carrierhub.carriers.TrackingEvent;
import dev.carrierhub.core.problem.ProblemException;
import dev.carrierhub.core.tracing.TraceContext;
import dev.carrierhub.core.work.GroupedWriter;
import dev.carrierhub.tracking.callback.CallbackSchemes;
import dev.carrierhub.tracking.callback.CarrierCallbacks;
import dev.carrierhub.tracking.callback.CarrierEventIds;
import dev.carrierhub.tracking.callback.Verdict;
import dev.carrierhub.tracking.config.TrackingConfig;
import dev.carrierhub.tracking.repository.CallbackInbox;
import dev.carrierhub.tracking.repository.TrackingCallback;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response.Status;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.jboss.logging.Logger;

/**
 * Takes a carrier callback: checks its size and signature before anything is stored, reads it, and stores it
 * as received; the answer goes out once it is committed. {@link CallbackProcessor} applies it to the
 * shipment's history afterwards, so the carrier's wait never includes the tracker's lock or the timeline.
 */
@ApplicationScoped
public class CallbackService {
    private static final Logger LOG = Logger.getLogger(CallbackService.class);
    private static final int MAX_TRACESTATE = 512;

    private final CallbackSchemes schemes;
    private final TrackingConfig config;
    private final CallbackInbox inbox;
    private final MeterRegistry meters;

    public CallbackService(CallbackSchemes schemes, TrackingConfig config, CallbackInbox inbox, MeterRegistry meters) {
        this.schemes = schemes;
        this.config = config;
        this.inbox = inbox;
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
        TrackingCallback callback = newCallback(carrier, rawBody, Instant.now());
        Optional<TrackingEvent> event;
        try {
            // Read now, so an unreadable callback is told at once; it is read again when applied.
            event = scheme.parse(rawBody).map(CallbackService::fitted);
        } catch (IllegalArgumentException unreadable) {
            callback.outcome = TrackingCallback.Outcome.UNREADABLE;
            callback.failure = unreadable.getMessage();
            return stored(callback).<Received>map(stored -> {
                LOG.warnf("a signed %s callback could not be read, kept as %s: %s", carrier, callback.id,
                        callback.failure);
                throw new ProblemException(Status.BAD_REQUEST, "unreadable-callback",
                        "The callback is signed but cannot be read as a " + carrier + " tracking event; it was kept as "
                                + callback.id + ".");
            });
        }
        if (event.isEmpty()) {
            callback.outcome = TrackingCallback.Outcome.IGNORED;
            return stored(callback);
        }
        callback.outcome = TrackingCallback.Outcome.RECEIVED;
        callback.trackingNumber = event.get().trackingNumber();
        callback.carrierEventId = CarrierEventIds.of(event.get());
        return stored(callback);
    }

    /** Stores the callback; a flood beyond what can wait for the database is told to come back. */
    private Uni<Received> stored(TrackingCallback callback) {
        return inbox.store(callback)
                .onFailure(GroupedWriter.Overloaded.class).transform(overloaded -> {
                    meters.counter("carrierhub.tracking.callbacks.shed", "carrier", callback.carrier).increment();
                    return new ProblemException(Status.SERVICE_UNAVAILABLE, "callbacks-overloaded",
                            "Too many callbacks are arriving at once; send this one again shortly.")
                            .withHeader("Retry-After", "1");
                })
                .map(ignored -> {
                    String outcome = callback.outcome.name().toLowerCase(Locale.ROOT);
                    meters.counter("carrierhub.tracking.callbacks", "carrier", callback.carrier, "outcome", outcome)
                            .increment();
                    return new Received(callback.id, outcome, callback.trackingNumber, callback.carrierEventId);
                });
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

    private static TrackingCallback newCallback(String carrier, byte[] rawBody, Instant receivedAt) {
        TrackingCallback callback = new TrackingCallback();
        callback.id = UUID.randomUUID();
        callback.carrier = carrier;
        callback.receivedAt = receivedAt;
        callback.body = rawBody;
        TraceContext trace = TraceContext.current();
        callback.traceparent = trace.traceparent();
        // A caller's trace state may be longer than the column; the trace goes on without it.
        callback.tracestate = trace.tracestate() != null && trace.tracestate().length() > MAX_TRACESTATE ? null
                : trace.tracestate();
        return callback;
    }

    /**
     * What a verified callback became: {@code received} (stored, applied shortly), {@code ignored} or
     * {@code unreadable}, with the tracking number and event id it was read as.
     */
    public record Received(UUID callbackId, String outcome, String trackingNumber, String eventId) {
    }
}
