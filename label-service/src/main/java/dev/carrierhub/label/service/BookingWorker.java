package dev.carrierhub.label.service;

import dev.carrierhub.carriers.BookingResult;
import dev.carrierhub.carriers.CarrierConnector;
import dev.carrierhub.carriers.VoidResult;
import dev.carrierhub.carriers.registry.CarrierAccountsConfig;
import dev.carrierhub.carriers.registry.CarrierRegistry;
import dev.carrierhub.core.client.OutboundCalls;
import dev.carrierhub.core.tracing.SpanAttributes;
import dev.carrierhub.core.tracing.TraceContext;
import dev.carrierhub.core.tracing.TracedWork;
import dev.carrierhub.core.work.SingleFlightDrain;
import dev.carrierhub.label.config.LabelConfig;
import dev.carrierhub.label.repository.Booking;
import dev.carrierhub.label.repository.BookingRepository;
import dev.carrierhub.label.repository.StoredLabel;
import io.opentelemetry.api.common.Attributes;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Works the booking queue: books REQUESTED bookings with their carrier, retries DEFERRED ones when their
 * time comes, and voids VOIDING ones. Each is claimed, then the carrier is called outside any transaction
 * with the booking's idempotency key, then the outcome is settled. After a call that failed or never
 * answered, the carrier is asked for a booking under that key before anything else, so a lost answer
 * never buys two labels.
 */
@ApplicationScoped
public class BookingWorker {
    private static final Logger LOG = Logger.getLogger(BookingWorker.class);
    static final Duration FALLBACK_TIMEOUT = Duration.ofSeconds(5);

    private final BookingRepository bookings;
    private final BookingSettlement settlement;
    private final VoidSettlement voids;
    private final CarrierRegistry registry;
    private final OutboundCalls calls;
    private final TracedWork tracedWork;
    private final LabelFiling filing;
    private final LabelMetrics metrics;
    private final int batchSize;
    private final int concurrency;
    private final SingleFlightDrain drain;

    public BookingWorker(BookingRepository bookings, BookingSettlement settlement, VoidSettlement voids,
            CarrierRegistry registry, OutboundCalls calls, TracedWork tracedWork, LabelMetrics metrics,
            LabelConfig config) {
        this.bookings = bookings;
        this.settlement = settlement;
        this.voids = voids;
        this.registry = registry;
        this.calls = calls;
        this.tracedWork = tracedWork;
        this.metrics = metrics;
        this.filing = new LabelFiling(config.maxLabelSize().asLongValue());
        this.batchSize = config.booking().batchSize();
        this.concurrency = config.booking().concurrency();
        this.drain = new SingleFlightDrain(this::processDue, batchSize,
                failure -> LOG.warnf("booking worker stopped, will resume on the next tick: %s", failure.toString()));
    }

    /** Asks for a drain now, e.g. right after a booking was committed. */
    public void nudge() {
        drain.request();
    }

    @Scheduled(every = "${carrierhub.label.booking.poll-interval:1s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void poll() {
        nudge();
    }

    /** Refreshes the per-state gauges; a count is cheap next to a carrier call, and ten seconds old is fine. */
    @Scheduled(every = "10s", delayed = "1s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> countStates() {
        return tracedWork.runUntraced(() -> Panache.withSession(bookings::countByState))
                .invoke(metrics::inState)
                .onFailure().invoke(e -> LOG.debugf("bookings could not be counted: %s", e.toString()))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }

    Uni<Integer> processDue() {
        return tracedWork.runUntraced(() -> Panache.withSession(() -> bookings.due(Instant.now(), batchSize)))
                .chain(due -> Multi.createFrom().iterable(due)
                        .onItem().transformToUni(this::process).merge(concurrency)
                        .collect().asList()
                        .replaceWith(due.size()));
    }

    private Uni<Void> process(Booking due) {
        TraceContext trace = new TraceContext(due.traceparent, due.tracestate);
        String span = (due.state == Booking.State.VOIDING ? "void " : "booking ") + due.carrier;
        LOG.debugf("processing %s (%s)", due.shipmentId, due.state);
        return tracedWork.run(span, trace, () -> settlement.claim(due.shipmentId)
                        .invoke(claim -> LOG.debugf("claimed %s: %s", due.shipmentId, claim))
                        .chain(claim -> claim == null ? Uni.createFrom().voidItem()
                                : claim.action() == Claim.Action.VOID ? voidLabel(claim) : book(claim)))
                // A settling transaction that failed leaves the booking leased: it comes back when the lease
                // runs out and finds the carrier's booking by its key. One bad booking never stops the batch.
                .onFailure().invoke(e -> LOG.warnf(e, "booking %s could not be settled, retried after its lease",
                        due.shipmentId))
                .onFailure().recoverWithNull()
                .invoke(() -> LOG.debugf("processed %s", due.shipmentId))
                .replaceWithVoid();
    }

    private Uni<Void> book(Claim claim) {
        Optional<CarrierConnector> connector = registry.forCarrier(claim.carrier());
        if (connector.isEmpty()) {
            return settlement.attemptFailed(claim, notConfigured(claim), false);
        }
        Duration timeout = timeout(claim.carrier());
        Uni<Booked> attempt = claim.looksUpFirst()
                // An earlier call may have booked without us seeing the answer (timeout, crash): look first.
                ? find(connector.get(), claim, timeout).chain(found -> found.isPresent()
                        ? Uni.createFrom().item(new Booked(found.get(), true))
                        : ship(connector.get(), claim, timeout))
                : ship(connector.get(), claim, timeout);
        return attempt.onItemOrFailure().transformToUni((booked, failure) -> {
            if (failure == null) {
                return settle(claim, booked);
            }
            boolean shipCalled = failure instanceof ShipCallFailed;
            return settlement.attemptFailed(claim, BookingFailure.classify(shipCalled ? failure.getCause() : failure),
                    shipCalled);
        });
    }

    private Uni<Booked> ship(CarrierConnector connector, Claim claim, Duration timeout) {
        return calls.call(connector.carrier() + " ship", carrierCall(connector, claim), timeout,
                        () -> connector.ship(claim.shipment(), claim.serviceCode(), claim.idempotencyKey()))
                .onFailure().transform(ShipCallFailed::new)
                .map(result -> new Booked(result, false));
    }

    private Uni<Optional<BookingResult>> find(CarrierConnector connector, Claim claim, Duration timeout) {
        return calls.call(connector.carrier() + " find booking", carrierCall(connector, claim), timeout,
                () -> connector.findBooking(claim.idempotencyKey()));
    }

    private Uni<Void> settle(Claim claim, Booked booked) {
        List<StoredLabel> rows;
        try {
            rows = filing.file(claim.shipmentId(), booked.result().labels(), Instant.now());
        } catch (LabelRejectedException e) {
            return settlement.labelsRejected(claim, BookingFailure.permanent("label-rejected", e.getMessage()),
                    booked.result());
        }
        return settlement.booked(claim, booked.result(), rows, booked.recovered());
    }

    private Uni<Void> voidLabel(Claim claim) {
        Optional<CarrierConnector> found = registry.forCarrier(claim.carrier());
        if (found.isEmpty()) {
            return voids.voidFailed(claim, notConfigured(claim));
        }
        CarrierConnector connector = found.get();
        if (!connector.capabilities().voidLabel()) {
            return voids.voidFailed(claim, BookingFailure.permanent("not-supported",
                    claim.carrier() + " cannot void labels through its API; void it in the carrier's portal"));
        }
        Duration timeout = timeout(claim.carrier());
        Uni<Optional<BookingResult>> target = claim.carrierShipmentId() != null
                ? Uni.createFrom().item(Optional.empty())
                // The booking's calls never told us what the carrier did: ask it under the key.
                : find(connector, claim, timeout);
        return target.onItemOrFailure().transformToUni((lookedUp, lookupFailure) -> {
            if (lookupFailure != null) {
                return voids.voidFailed(claim, BookingFailure.classify(lookupFailure));
            }
            if (claim.carrierShipmentId() == null && lookedUp.isEmpty()) {
                return voids.nothingToVoid(claim);
            }
            String carrierShipmentId = lookedUp.map(BookingResult::carrierShipmentId).orElse(claim.carrierShipmentId());
            return calls.call(connector.carrier() + " void", carrierCall(connector, claim), timeout,
                            () -> connector.voidLabel(carrierShipmentId))
                    .onItemOrFailure().transformToUni((VoidResult result, Throwable voidFailure) -> voidFailure == null
                            ? voids.voided(claim, lookedUp.orElse(null), result)
                            : voids.voidFailed(claim, BookingFailure.classify(voidFailure)));
        });
    }

    private Duration timeout(String carrier) {
        return registry.account(carrier).map(CarrierAccountsConfig.Account::timeout).orElse(FALLBACK_TIMEOUT);
    }

    private static BookingFailure notConfigured(Claim claim) {
        return BookingFailure.permanent("carrier-not-configured",
                "label-service has no account for carrier " + claim.carrier());
    }

    /** A carrier booking and whether it was found (made by an earlier attempt) rather than made now. */
    private record Booked(BookingResult result, boolean recovered) {
    }

    /** The booking call itself failed (not the look-up before it): its outcome says whether it may have booked. */
    private static final class ShipCallFailed extends RuntimeException {
        private static final long serialVersionUID = 1L;

        ShipCallFailed(Throwable cause) {
            super(cause.getMessage(), cause, false, false);
        }
    }

    private static Attributes carrierCall(CarrierConnector connector, Claim claim) {
        return Attributes.of(SpanAttributes.CARRIER, connector.carrier(), SpanAttributes.SHIPMENT_ID, claim.shipmentId());
    }
}
