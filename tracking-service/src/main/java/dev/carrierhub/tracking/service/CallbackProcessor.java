package dev.carrierhub.tracking.service;

import dev.carrierhub.carriers.TrackingEvent;
import dev.carrierhub.core.outbox.Transactions;
import dev.carrierhub.core.tracing.TraceContext;
import dev.carrierhub.core.tracing.TracedWork;
import dev.carrierhub.core.work.SingleFlightDrain;
import dev.carrierhub.tracking.callback.CallbackSchemes;
import dev.carrierhub.tracking.config.TrackingConfig;
import dev.carrierhub.tracking.repository.CallbackInbox;
import dev.carrierhub.tracking.repository.Tracker;
import dev.carrierhub.tracking.repository.TrackerEvent;
import dev.carrierhub.tracking.repository.TrackerEventRepository;
import dev.carrierhub.tracking.repository.TrackerRepository;
import dev.carrierhub.tracking.repository.TrackingCallback;
import dev.carrierhub.tracking.repository.TrackingCallback.Outcome;
import dev.carrierhub.tracking.repository.TrackingCallbackRepository;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.jboss.logging.Logger;

/**
 * Applies stored callbacks to the shipments' histories, oldest first, a batch per transaction: the callbacks
 * of one tracking number together, under the tracker's lock, so two replicas never decide one shipment from
 * the same state. Each becomes {@code STORED} (a new event of a tracked shipment), {@code DUPLICATE} (an event
 * already had, or twice in the batch) or {@code ORPHAN} (no tracker knows the number yet; adopted when its
 * label arrives). What it publishes carries the trace of the callback it came from.
 *
 * <p>A batch that fails is applied again one callback per transaction, so one bad callback cannot hold the
 * others back; a callback that keeps failing is set aside as {@code FAILED} after {@code intake.max-attempts}.
 */
@ApplicationScoped
public class CallbackProcessor {
    private static final Logger LOG = Logger.getLogger(CallbackProcessor.class);

    private final TrackingCallbackRepository callbacks;
    private final TrackerRepository trackers;
    private final TrackerEventRepository events;
    private final TimelineService timelines;
    private final CallbackSchemes schemes;
    private final Transactions transactions;
    private final TracedWork tracedWork;
    private final MeterRegistry meters;
    private final TrackingConfig.Intake config;
    private final SingleFlightDrain drain;
    private final AtomicLong waiting = new AtomicLong();

    public CallbackProcessor(TrackingCallbackRepository callbacks, TrackerRepository trackers,
            TrackerEventRepository events, TimelineService timelines, CallbackSchemes schemes,
            Transactions transactions, TracedWork tracedWork, MeterRegistry meters, TrackingConfig config,
            CallbackInbox inbox) {
        this.callbacks = callbacks;
        this.trackers = trackers;
        this.events = events;
        this.timelines = timelines;
        this.schemes = schemes;
        this.transactions = transactions;
        this.tracedWork = tracedWork;
        this.meters = meters;
        this.config = config.intake();
        this.drain = new SingleFlightDrain(this::applyBatch, this.config.batchSize(), failure ->
                LOG.warnf("applying tracking callbacks stopped, will resume on the next tick: %s", failure.toString()));
        inbox.onWritten(drain::request);
        meters.gauge("carrierhub.tracking.callbacks.waiting", waiting);
    }

    void onStart(@Observes StartupEvent started) {
        // Callbacks stored before a restart are applied without waiting for new ones to arrive.
        drain.request();
    }

    /** The safety net behind the nudge after each write: another replica's callbacks, a batch that failed. */
    @Scheduled(every = "${carrierhub.tracking.intake.poll-interval:1s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void poll() {
        drain.request();
        // Counted here, once a second, not after every batch: with a backlog of many thousands the count is work
        // for the database that a busy second does not need.
        countWaiting().subscribe().with(ignored -> { }, failure ->
                LOG.debugf("could not count the callbacks waiting: %s", failure.toString()));
    }

    Uni<Integer> applyBatch() {
        List<UUID> claimedIds = new ArrayList<>();
        return tracedWork.runUntraced(() -> transactions.inTransaction(() -> callbacks.lockReceived(config.batchSize())
                        .chain(claimed -> {
                            claimed.forEach(callback -> claimedIds.add(callback.id));
                            return apply(claimed).map(fresh -> new Applied(claimed, fresh));
                        })))
                .invoke(this::record)
                .replaceWithVoid()
                .onFailure().recoverWithUni(failure -> {
                    LOG.debugf("a batch of %d callbacks failed, applying them one by one: %s", claimedIds.size(),
                            failure.toString());
                    return Multi.createFrom().iterable(List.copyOf(claimedIds))
                            .onItem().transformToUniAndConcatenate(this::applyAlone)
                            .collect().asList().replaceWithVoid();
                })
                .replaceWith(() -> claimedIds.size());
    }

    private Uni<Void> applyAlone(UUID id) {
        return tracedWork.runUntraced(() -> transactions.inTransaction(() -> callbacks.lockReceived(id)
                        .chain(callback -> callback == null ? Uni.createFrom().item(new Applied(List.of(), List.of()))
                                : apply(List.of(callback)).map(fresh -> new Applied(List.of(callback), fresh)))))
                .invoke(this::record)
                .replaceWithVoid()
                .onFailure().recoverWithUni(failure -> tracedWork.runUntraced(() -> transactions.inTransaction(
                        () -> callbacks.lockReceived(id).invoke(callback -> failedOnce(callback, failure))))
                        .invoke(callback -> {
                            if (callback != null && callback.outcome == Outcome.FAILED) {
                                count(callback);
                            }
                        })
                        .replaceWithVoid());
    }

    private void failedOnce(TrackingCallback callback, Throwable failure) {
        if (callback == null) {
            return;
        }
        callback.attempts++;
        callback.failure = failure.getMessage() != null ? failure.getMessage() : failure.toString();
        if (callback.attempts >= config.maxAttempts()) {
            callback.outcome = Outcome.FAILED;
            LOG.errorf("a %s callback could not be applied after %d attempts, set aside as FAILED (%s): %s",
                    callback.carrier, callback.attempts, callback.id, callback.failure);
        } else {
            LOG.warnf("a %s callback could not be applied (attempt %d, %s): %s", callback.carrier,
                    callback.attempts, callback.id, callback.failure);
        }
    }

    private Uni<Void> countWaiting() {
        return tracedWork.runUntraced(callbacks::countReceived).invoke(waiting::set).replaceWithVoid();
    }

    /** Counted once committed, so a batch that failed and is applied again one by one is not counted twice. */
    private void record(Applied applied) {
        applied.callbacks().forEach(this::count);
        // How long a carrier event takes to reach us: the business latency of tracking.
        applied.newEvents().forEach(event -> meters.timer("carrierhub.tracking.event.latency", "carrier", event.carrier)
                .record(Duration.between(event.occurredAt, event.receivedAt).abs()));
    }

    /**
     * Runs in the caller's transaction, the callbacks locked. Set-based: the batch's trackers, the event ids
     * already stored and the trackers' histories are read in three queries whatever the batch's size; what
     * follows only writes, and the writes go out batched when the transaction commits.
     *
     * @return the events that were new (of tracked shipments, and orphans)
     */
    private Uni<List<TrackerEvent>> apply(List<TrackingCallback> claimed) {
        List<Arrived> arrivals = claimed.stream().map(this::read).filter(Objects::nonNull).toList();
        if (arrivals.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return lockTrackers(arrivals).chain(trackers -> knownEventIds(arrivals).chain(known -> events
                .timelines(trackers.values().stream().map(tracker -> tracker.shipmentId).toList())
                .chain(histories -> decide(arrivals, trackers, known, histories))));
    }

    /** Each callback's outcome, then the new events applied tracker by tracker, in the order received. */
    private Uni<List<TrackerEvent>> decide(List<Arrived> arrivals, Map<String, Tracker> trackers, Set<String> known,
            List<TrackerEvent> events) {
        Map<String, List<TrackerEvent>> histories = new HashMap<>();
        events.forEach(event -> histories.computeIfAbsent(event.shipmentId, ignored -> new ArrayList<>()).add(event));
        Set<String> seen = new HashSet<>(known);
        Map<String, List<TrackerEvent>> freshByTrackingNumber = new LinkedHashMap<>();
        for (Arrived arrived : arrivals) {
            TrackingCallback callback = arrived.callback();
            String key = trackingKey(callback.carrier, arrived.row().trackingNumber);
            Tracker tracker = trackers.get(key);
            callback.shipmentId = tracker == null ? null : tracker.shipmentId;
            List<TrackerEvent> fresh = freshByTrackingNumber.computeIfAbsent(key, ignored -> new ArrayList<>());
            if (!seen.add(eventKey(callback.carrier, arrived.row().carrierEventId))) {
                callback.outcome = Outcome.DUPLICATE;
            } else {
                callback.outcome = tracker == null ? Outcome.ORPHAN : Outcome.STORED;
                fresh.add(arrived.row());
            }
        }
        Uni<Void> applied = Uni.createFrom().voidItem();
        for (Map.Entry<String, List<TrackerEvent>> entry : freshByTrackingNumber.entrySet()) {
            Tracker tracker = trackers.get(entry.getKey());
            List<TrackerEvent> fresh = entry.getValue();
            if (fresh.isEmpty()) {
                continue;
            }
            applied = tracker == null
                    ? applied.chain(() -> storeOrphans(fresh))
                    : applied.chain(() -> timelines.applyNew(tracker, historyOf(tracker, histories), fresh));
        }
        return applied.replaceWith(freshByTrackingNumber.values().stream().flatMap(List::stream).toList());
    }

    /** The batch's trackers, locked, by carrier and tracking number. */
    private Uni<Map<String, Tracker>> lockTrackers(List<Arrived> arrivals) {
        Map<String, Tracker> trackers = new HashMap<>();
        return Multi.createFrom().iterable(byCarrier(arrivals, row -> row.trackingNumber).entrySet())
                .onItem().transformToUniAndConcatenate(entry -> this.trackers
                        .lockByTrackingNumbers(entry.getKey(), entry.getValue())
                        .invoke(locked -> locked.forEach(tracker ->
                                trackers.put(trackingKey(tracker.carrier, tracker.trackingNumber), tracker))))
                .collect().asList()
                .replaceWith(trackers);
    }

    /** Of the batch's event ids, those stored already, as carrier and event id. */
    private Uni<Set<String>> knownEventIds(List<Arrived> arrivals) {
        Set<String> known = new HashSet<>();
        return Multi.createFrom().iterable(byCarrier(arrivals, row -> row.carrierEventId).entrySet())
                .onItem().transformToUniAndConcatenate(entry -> events.knownIds(entry.getKey(), List.copyOf(entry.getValue()))
                        .invoke(ids -> ids.forEach(id -> known.add(eventKey(entry.getKey(), id)))))
                .collect().asList()
                .replaceWith(known);
    }

    /** One value of each arrival's history row, by carrier, each set sorted (so locks are taken in one order). */
    private static Map<String, Set<String>> byCarrier(List<Arrived> arrivals, Function<TrackerEvent, String> value) {
        Map<String, Set<String>> values = new TreeMap<>();
        arrivals.forEach(arrived -> values.computeIfAbsent(arrived.callback().carrier, ignored -> new TreeSet<>())
                .add(value.apply(arrived.row())));
        return values;
    }

    /** The tracker's current label's events, from the histories read for the whole batch (by shipment). */
    private static List<TrackerEvent> historyOf(Tracker tracker, Map<String, List<TrackerEvent>> histories) {
        return histories.getOrDefault(tracker.shipmentId, List.of()).stream()
                .filter(event -> tracker.carrier.equals(event.carrier)
                        && tracker.trackingNumber.equals(event.trackingNumber))
                .toList();
    }

    private static String trackingKey(String carrier, String trackingNumber) {
        return carrier + '\n' + trackingNumber;
    }

    private static String eventKey(String carrier, String carrierEventId) {
        return carrier + '\n' + carrierEventId;
    }

    /** The callback read again as its history row; null (and {@code UNREADABLE}) if it no longer reads. */
    private Arrived read(TrackingCallback callback) {
        try {
            TrackingEvent event = schemes.forCarrier(callback.carrier)
                    .orElseThrow(() -> new IllegalArgumentException("no callback scheme for " + callback.carrier))
                    .parse(callback.body)
                    .map(TimelineService::fitted)
                    .orElseThrow(() -> new IllegalArgumentException("no tracking event in it any more"));
            TrackerEvent row = TimelineService.row(callback.carrier, event, callback.receivedAt, callback.id);
            row.trace = new TraceContext(callback.traceparent, callback.tracestate);
            return new Arrived(callback, row);
        } catch (IllegalArgumentException unreadable) {
            // Read at the door, so only a change of the reading code gets here; keep it for an operator.
            callback.outcome = Outcome.UNREADABLE;
            callback.failure = unreadable.getMessage();
            return null;
        }
    }

    private Uni<Void> storeOrphans(List<TrackerEvent> orphans) {
        return Multi.createFrom().iterable(orphans)
                .onItem().transformToUniAndConcatenate(events::persist)
                .collect().asList().replaceWithVoid();
    }

    private void count(TrackingCallback callback) {
        meters.counter("carrierhub.tracking.callbacks.applied", "carrier", callback.carrier,
                "outcome", callback.outcome.name().toLowerCase(Locale.ROOT)).increment();
    }

    /** A stored callback and the history row it would become. */
    private record Arrived(TrackingCallback callback, TrackerEvent row) {
    }

    /** What one committed transaction applied: its callbacks, each with its outcome, and the events that were new. */
    private record Applied(List<TrackingCallback> callbacks, List<TrackerEvent> newEvents) {
    }
}
