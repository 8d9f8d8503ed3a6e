package dev.carrierhub.tracking.service;

import dev.carrierhub.carriers.CarrierErrorKind;
import dev.carrierhub.carriers.CarrierException;
import dev.carrierhub.carriers.TrackingEvent;
import dev.carrierhub.carriers.TrackingResult;
import dev.carrierhub.core.outbox.Transactions;
import dev.carrierhub.core.tracing.TraceContext;
import dev.carrierhub.core.tracing.TracedWork;
import dev.carrierhub.tracking.client.CarrierTrackers;
import dev.carrierhub.tracking.config.TrackingConfig;
import dev.carrierhub.tracking.polling.CarrierPollLimits;
import dev.carrierhub.tracking.polling.PollSchedule;
import dev.carrierhub.tracking.repository.Tracker;
import dev.carrierhub.tracking.repository.TrackerEvent;
import dev.carrierhub.tracking.repository.TrackerRepository;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;

/**
 * Polls the carriers that do not push. A batch of due trackers is claimed with a lease (SKIP LOCKED, as the
 * registrar does), each is looked up outside any transaction within its carrier's rate limit and daily quota,
 * and the answer is settled in its own transaction through {@link TimelineService}, the path callbacks take.
 * A failed or rate-limited look-up backs off that tracker only; a final milestone or the maximum age ends polling.
 */
@ApplicationScoped
public class TrackingPoller {
    private static final Logger LOG = Logger.getLogger(TrackingPoller.class);

    private final TrackerRepository trackers;
    private final CarrierTrackers carriers;
    private final TimelineService timelines;
    private final Transactions transactions;
    private final TracedWork tracedWork;
    private final MeterRegistry meters;
    private final TrackingConfig.Polling config;
    private final PollSchedule schedule;
    private final Clock clock = Clock.systemUTC();
    private final Map<String, CarrierPollLimits> limits = new ConcurrentHashMap<>();
    private final AtomicLong due = new AtomicLong();

    public TrackingPoller(TrackerRepository trackers, CarrierTrackers carriers, TimelineService timelines,
            Transactions transactions, TracedWork tracedWork, MeterRegistry meters, TrackingConfig config) {
        this.trackers = trackers;
        this.carriers = carriers;
        this.timelines = timelines;
        this.transactions = transactions;
        this.tracedWork = tracedWork;
        this.meters = meters;
        this.config = config.polling();
        this.schedule = schedule(this.config);
        this.config.limits().forEach((carrier, limit) -> limitsOf(carrier));
        meters.gauge("carrierhub.tracking.polling.due", due);
    }

    /** The schedule the polling settings describe, with random jitter. */
    static PollSchedule schedule(TrackingConfig.Polling config) {
        return new PollSchedule(config.interval(), config.maxInterval(), config.firstDelay(), config.maxAge(),
                () -> ThreadLocalRandom.current().nextDouble());
    }

    @Scheduled(every = "${carrierhub.tracking.polling.poll-interval:5s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> tick() {
        if (!config.enabled()) {
            return Uni.createFrom().voidItem();
        }
        return pollDue().onFailure().recoverWithItem(failure -> {
            LOG.warnf("tracking polling stopped, will resume on the next tick: %s", failure.toString());
            return 0;
        }).replaceWithVoid();
    }

    Uni<Integer> pollDue() {
        return tracedWork.runUntraced(this::claimDue)
                .chain(claimed -> Multi.createFrom().iterable(claimed)
                        .onItem().transformToUniAndConcatenate(this::poll)
                        .collect().asList()
                        .replaceWith(claimed.size()));
    }

    private Uni<List<DuePoll>> claimDue() {
        Instant now = clock.instant();
        return Panache.withTransaction(() -> trackers.countDuePolls(now).invoke(due::set)
                .chain(() -> trackers.lockDuePolls(now, config.batchSize())).map(rows -> {
                    List<DuePoll> claimed = rows.stream().map(DuePoll::of).toList();
                    rows.forEach(row -> row.nextPollAt = now.plus(config.lease()));
                    return claimed;
                }));
    }

    private Uni<Void> poll(DuePoll poll) {
        Instant now = clock.instant();
        if (schedule.expired(poll.labeledAt(), now)) {
            return settle(poll, tracker -> {
                tracker.nextPollAt = null;
                tracker.lastFailure = "polling stopped: no final milestone within " + config.maxAge();
                LOG.infof("shipment %s: polling of %s %s stopped, no final milestone %s after its label",
                        tracker.shipmentId, tracker.carrier, tracker.trackingNumber, config.maxAge());
                count(tracker.carrier, "expired");
            });
        }
        CarrierPollLimits.Permit permit = limitsOf(poll.carrier()).tryAcquire();
        switch (permit.verdict()) {
            case THROTTLED -> {
                // Our own limit, not a failure: the tracker keeps its place in the queue (oldest due first), so
                // trackers just polled cannot overtake it.
                count(poll.carrier(), "throttled");
                return settle(poll, tracker -> tracker.nextPollAt = poll.dueAt());
            }
            case QUOTA_EXHAUSTED -> {
                if (permit.firstRefusalToday()) {
                    LOG.warnf("polling of %s paused: its daily quota of %d look-ups is used up; resumes at %s",
                            poll.carrier(), limitsOf(poll.carrier()).quota().map(q -> q.limit()).orElse(0L),
                            permit.resumesAt());
                    meters.counter("carrierhub.tracking.polling.quota.exhausted", "carrier", poll.carrier()).increment();
                }
                count(poll.carrier(), "quota_exhausted");
                return settle(poll, tracker -> tracker.nextPollAt = permit.resumesAt());
            }
            default -> {
                return tracedWork.run("tracker poll", poll.trace(), () -> carriers.track(poll.carrier(), poll.trackingNumber())
                        .onItemOrFailure().transformToUni((result, failure) -> failure == null
                                ? answered(poll, result)
                                : settle(poll, tracker -> failed(tracker, failure))));
            }
        }
    }

    private Uni<Void> answered(DuePoll poll, TrackingResult result) {
        Instant receivedAt = clock.instant();
        List<TrackerEvent> rows = new ArrayList<>();
        for (TrackingEvent event : result.events()) {
            if (!event.trackingNumber().equals(poll.trackingNumber())) {
                continue;
            }
            try {
                rows.add(TimelineService.row(poll.carrier(), TimelineService.fitted(event), receivedAt, null));
            } catch (IllegalArgumentException unfit) {
                LOG.debugf("shipment %s: skipped a polled event: %s", poll.shipmentId(), unfit.getMessage());
            }
        }
        return transactions.inTransaction(() -> lockClaimed(poll).chain(tracker -> {
            if (tracker == null) {
                return Uni.createFrom().voidItem();
            }
            return timelines.apply(tracker, rows).invoke(fresh -> {
                tracker.pollFailures = 0;
                tracker.lastPolledAt = receivedAt;
                tracker.lastFailure = null;
                tracker.nextPollAt = schedule.afterAnswer(tracker.milestone, receivedAt).orElse(null);
                tracker.updatedAt = receivedAt;
                if (tracker.nextPollAt == null) {
                    LOG.debugf("shipment %s: polling stopped at %s", tracker.shipmentId, tracker.milestone);
                }
                count(tracker.carrier, fresh.isEmpty() ? "no_change" : "new_events");
            }).replaceWithVoid();
        }));
    }

    private void failed(Tracker tracker, Throwable failure) {
        Optional<CarrierException> carrierFailure = CarrierException.find(failure);
        boolean rateLimited = carrierFailure.map(e -> e.kind() == CarrierErrorKind.RATE_LIMITED).orElse(false);
        tracker.pollFailures++;
        tracker.lastFailure = failure.getMessage() != null ? failure.getMessage() : failure.toString();
        Duration wait = schedule.backoff(tracker.pollFailures, carrierFailure.flatMap(CarrierException::retryAfter));
        tracker.nextPollAt = clock.instant().plus(wait);
        count(tracker.carrier, rateLimited ? "rate_limited" : "failed");
        LOG.debugf("shipment %s: look-up %d failed, next in %s: %s", tracker.shipmentId, tracker.pollFailures, wait,
                tracker.lastFailure);
    }

    /** Applies an outcome in its own transaction, if the tracker is still the one claimed and still polled. */
    private Uni<Void> settle(DuePoll poll, java.util.function.Consumer<Tracker> outcome) {
        return transactions.inTransaction(() -> lockClaimed(poll).invoke(tracker -> {
            if (tracker != null) {
                tracker.updatedAt = clock.instant();
                outcome.accept(tracker);
            }
        }).replaceWithVoid());
    }

    /** The claimed tracker, locked; null when a relabel, a callback's final milestone or another replica moved on. */
    private Uni<Tracker> lockClaimed(DuePoll poll) {
        return trackers.lock(poll.shipmentId()).map(tracker -> tracker == null
                || tracker.registration != Tracker.Registration.POLLED || tracker.nextPollAt == null
                || !tracker.trackingNumber.equals(poll.trackingNumber()) || !tracker.carrier.equals(poll.carrier())
                || PollSchedule.FINAL.contains(tracker.milestone) ? null : tracker);
    }

    private CarrierPollLimits limitsOf(String carrier) {
        return limits.computeIfAbsent(carrier, name -> {
            TrackingConfig.Limit limit = config.limits().get(name);
            CarrierPollLimits made = limit == null
                    ? new CarrierPollLimits(java.util.OptionalInt.empty(), java.util.OptionalInt.empty(),
                            java.util.OptionalLong.empty(), clock, System::nanoTime)
                    : new CarrierPollLimits(limit.requestsPerSecond(), limit.requestsPerMinute(), limit.dailyQuota(),
                            clock, System::nanoTime);
            made.quota().ifPresent(quota -> meters.gauge("carrierhub.tracking.polling.quota.remaining",
                    Tags.of("carrier", name), quota, q -> q.remaining()));
            return made;
        });
    }

    private void count(String carrier, String outcome) {
        meters.counter("carrierhub.tracking.polls", "carrier", carrier, "outcome", outcome).increment();
    }

    /** A claimed tracker, detached from the session that claimed it. */
    record DuePoll(String shipmentId, String carrier, String trackingNumber, Instant labeledAt, Instant dueAt,
            TraceContext trace) {
        static DuePoll of(Tracker tracker) {
            return new DuePoll(tracker.shipmentId, tracker.carrier, tracker.trackingNumber, tracker.labeledAt,
                    tracker.nextPollAt,
                    new TraceContext(tracker.traceparent, tracker.tracestate));
        }
    }
}
