package dev.carrierhub.tracking.service;

import dev.carrierhub.carriers.CarrierException;
import dev.carrierhub.contracts.events.ShipmentException;
import dev.carrierhub.core.outbox.Outbox;
import dev.carrierhub.core.outbox.Transactions;
import dev.carrierhub.core.tracing.TraceContext;
import dev.carrierhub.core.tracing.TracedWork;
import dev.carrierhub.core.work.SingleFlightDrain;
import dev.carrierhub.tracking.client.CarrierTrackers;
import dev.carrierhub.tracking.config.CallbackUrls;
import dev.carrierhub.tracking.config.TrackingConfig;
import dev.carrierhub.tracking.polling.PollSchedule;
import dev.carrierhub.tracking.repository.Tracker;
import dev.carrierhub.tracking.repository.TrackerRepository;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.jboss.logging.Logger;

/**
 * Registers pending trackers with their carriers after commit. A batch of due rows is claimed with a
 * lease (locked with SKIP LOCKED, hidden from other replicas until the lease ends), the carrier is
 * called outside any transaction, and each outcome is settled in its own transaction: registered,
 * retried with back-off, or failed with a {@code shipment.exception}. A tracker whose carrier is polled
 * instead is handed to {@link TrackingPoller}.
 */
@ApplicationScoped
public class TrackerRegistrar {
    private static final Logger LOG = Logger.getLogger(TrackerRegistrar.class);

    private final TrackerRepository trackers;
    private final CarrierTrackers carriers;
    private final CallbackUrls callbackUrls;
    private final Outbox outbox;
    private final Transactions transactions;
    private final TracedWork tracedWork;
    private final MeterRegistry meters;
    private final TrackingConfig.Registration config;
    private final SingleFlightDrain drain;
    private final PollSchedule schedule;

    public TrackerRegistrar(TrackerRepository trackers, CarrierTrackers carriers, CallbackUrls callbackUrls,
            Outbox outbox, Transactions transactions, TracedWork tracedWork, MeterRegistry meters,
            TrackingConfig config) {
        this.trackers = trackers;
        this.carriers = carriers;
        this.callbackUrls = callbackUrls;
        this.outbox = outbox;
        this.transactions = transactions;
        this.tracedWork = tracedWork;
        this.meters = meters;
        this.config = config.registration();
        this.schedule = TrackingPoller.schedule(config.polling());
        this.drain = new SingleFlightDrain(this::registerDue, this.config.batchSize(), failure ->
                LOG.warnf("tracker registration stopped, will resume on the next tick: %s", failure.toString()));
    }

    /** Asks for a drain now; cheap to call after every commit. */
    public void nudge() {
        drain.request();
    }

    @Scheduled(every = "${carrierhub.tracking.registration.poll-interval:1s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void poll() {
        nudge();
    }

    Uni<Integer> registerDue() {
        return tracedWork.runUntraced(this::claimDue)
                .chain(due -> Multi.createFrom().iterable(due)
                        .onItem().transformToUniAndConcatenate(this::register)
                        .collect().asList()
                        .replaceWith(due.size()));
    }

    private Uni<List<DueRegistration>> claimDue() {
        Instant now = Instant.now();
        return Panache.withTransaction(() -> trackers.lockDueRegistrations(now, config.batchSize()).map(rows -> {
            rows.forEach(row -> row.nextAttemptAt = now.plus(config.lease()));
            return rows.stream().map(DueRegistration::of).toList();
        }));
    }

    private Uni<Void> register(DueRegistration due) {
        return tracedWork.run("tracker register", due.trace(), () -> {
            if (carriers.polled(due.carrier())) {
                return settle(due, this::polled);
            }
            if (!carriers.pushes(due.carrier())) {
                return settle(due, this::unsupported);
            }
            return carriers.register(due.carrier(), due.trackingNumber(), callbackUrls.forCarrier(due.carrier()))
                    .onItemOrFailure().transformToUni((ignored, failure) -> failure == null
                            ? settle(due, this::registered)
                            : settle(due, tracker -> failed(tracker, failure)));
        });
    }

    private Uni<Void> registered(Tracker tracker) {
        tracker.registration = Tracker.Registration.REGISTERED;
        tracker.registeredAt = Instant.now();
        tracker.attempts++;
        tracker.lastFailure = null;
        count(tracker.carrier, "registered");
        return Uni.createFrom().voidItem();
    }

    private Uni<Void> polled(Tracker tracker) {
        tracker.registration = Tracker.Registration.POLLED;
        tracker.lastFailure = null;
        tracker.pollFailures = 0;
        tracker.nextPollAt = schedule.first(tracker.labeledAt, Instant.now());
        count(tracker.carrier, "polled");
        return Uni.createFrom().voidItem();
    }

    private Uni<Void> unsupported(Tracker tracker) {
        tracker.registration = Tracker.Registration.UNSUPPORTED;
        tracker.lastFailure = "no account for carrier " + tracker.carrier + " that takes tracker registrations";
        count(tracker.carrier, "unsupported");
        // Some carriers push without a registration from us (account webhooks, Track Alert subscriptions made at
        // the carrier): their callbacks still reach this tracker. Others will say nothing.
        LOG.warnf("shipment %s: %s; its milestones come only from callbacks subscribed at the carrier, if any",
                tracker.shipmentId, tracker.lastFailure);
        return Uni.createFrom().voidItem();
    }

    private Uni<Void> failed(Tracker tracker, Throwable failure) {
        Optional<CarrierException> carrierFailure = CarrierException.find(failure);
        boolean retryable = carrierFailure.map(e -> e.kind().retryable()).orElse(true);
        tracker.attempts++;
        tracker.lastFailure = failure.getMessage() != null ? failure.getMessage() : failure.toString();
        if (retryable && tracker.attempts < config.maxAttempts()) {
            Duration wait = backoff(tracker.attempts);
            Duration asked = carrierFailure.flatMap(CarrierException::retryAfter).orElse(Duration.ZERO);
            tracker.nextAttemptAt = Instant.now().plus(asked.compareTo(wait) > 0 ? asked : wait);
            count(tracker.carrier, "retry");
            return Uni.createFrom().voidItem();
        }
        tracker.registration = Tracker.Registration.FAILED;
        count(tracker.carrier, "failed");
        LOG.warnf("shipment %s: tracker registration with %s gave up after %d attempt(s): %s", tracker.shipmentId,
                tracker.carrier, tracker.attempts, tracker.lastFailure);
        // No milestones will come for this shipment: a person must know, in the same transaction as the verdict.
        return outbox.append(new ShipmentException(tracker.shipmentId, tracker.picking(), "tracking",
                "tracker-registration-failed", "The carrier did not accept the tracking subscription for "
                        + tracker.trackingNumber + ": " + tracker.lastFailure,
                tracker.carrier, retryable, Instant.now())).replaceWithVoid();
    }

    /**
     * Applies an outcome in its own transaction, if the tracker still holds the registration that was
     * claimed: a relabel in the meantime (another tracking number) or another settlement leaves it alone.
     */
    private Uni<Void> settle(DueRegistration due, Function<Tracker, Uni<Void>> outcome) {
        return transactions.inTransaction(() -> trackers.lock(due.shipmentId()).chain(tracker -> {
            if (tracker == null || tracker.registration != Tracker.Registration.PENDING
                    || !tracker.trackingNumber.equals(due.trackingNumber()) || tracker.attempts != due.attempts()) {
                return Uni.createFrom().voidItem();
            }
            tracker.updatedAt = Instant.now();
            return outcome.apply(tracker);
        }));
    }

    Duration backoff(int attempts) {
        Duration delay = config.firstRetry().multipliedBy(1L << Math.min(attempts - 1, 16));
        return delay.compareTo(config.longestRetry()) > 0 ? config.longestRetry() : delay;
    }

    private void count(String carrier, String outcome) {
        meters.counter("carrierhub.tracking.registrations", "carrier", carrier, "outcome", outcome).increment();
    }

    /** A claimed registration, detached from the session that claimed it. */
    record DueRegistration(String shipmentId, String carrier, String trackingNumber, int attempts, TraceContext trace) {
        static DueRegistration of(Tracker tracker) {
            return new DueRegistration(tracker.shipmentId, tracker.carrier, tracker.trackingNumber, tracker.attempts,
                    new TraceContext(tracker.traceparent, tracker.tracestate));
        }
    }
}
