package dev.carrierhub.label.service;

import dev.carrierhub.carriers.BookingResult;
import dev.carrierhub.carriers.CarrierConnector;
import dev.carrierhub.carriers.registry.CarrierAccountsConfig;
import dev.carrierhub.carriers.registry.CarrierRegistry;
import dev.carrierhub.core.tracing.TraceContext;
import dev.carrierhub.core.tracing.TracedWork;
import dev.carrierhub.core.work.SingleFlightDrain;
import dev.carrierhub.core.client.OutboundCalls;
import dev.carrierhub.core.tracing.SpanAttributes;
import io.opentelemetry.api.common.Attributes;
import dev.carrierhub.label.config.LabelConfig;
import dev.carrierhub.label.repository.Booking;
import dev.carrierhub.label.repository.BookingRepository;
import dev.carrierhub.label.repository.StoredLabel;
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
 * Books REQUESTED bookings with their carrier: claims one, calls the carrier outside any transaction with
 * the booking's idempotency key, then settles it. After an attempt that failed or never answered, it asks
 * the carrier for a booking under that key before booking again, so a lost answer never buys two labels.
 */
@ApplicationScoped
public class BookingWorker {
    private static final Logger LOG = Logger.getLogger(BookingWorker.class);
    static final Duration FALLBACK_TIMEOUT = Duration.ofSeconds(5);

    private final BookingRepository bookings;
    private final BookingSettlement settlement;
    private final CarrierRegistry registry;
    private final OutboundCalls calls;
    private final TracedWork tracedWork;
    private final LabelFiling filing;
    private final int batchSize;
    private final SingleFlightDrain drain;

    public BookingWorker(BookingRepository bookings, BookingSettlement settlement, CarrierRegistry registry,
            OutboundCalls calls, TracedWork tracedWork, LabelConfig config) {
        this.bookings = bookings;
        this.settlement = settlement;
        this.registry = registry;
        this.calls = calls;
        this.tracedWork = tracedWork;
        this.filing = new LabelFiling(config.maxLabelSize().asLongValue());
        this.batchSize = config.booking().batchSize();
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

    Uni<Integer> processDue() {
        return tracedWork.runUntraced(() -> Panache.withSession(() -> bookings.due(Instant.now(), batchSize)))
                .chain(due -> Multi.createFrom().iterable(due)
                        .onItem().transformToUniAndConcatenate(this::process)
                        .collect().asList()
                        .replaceWith(due.size()));
    }

    private Uni<Void> process(Booking due) {
        TraceContext trace = new TraceContext(due.traceparent, due.tracestate);
        return tracedWork.run("booking " + due.carrier, trace, () -> settlement.claim(due.shipmentId)
                        .chain(claim -> claim == null ? Uni.createFrom().voidItem() : book(claim)))
                // A settling transaction that failed leaves the booking leased: it comes back when the lease
                // runs out and finds the carrier's booking by its key. One bad booking never stops the batch.
                .onFailure().invoke(e -> LOG.warnf(e, "booking %s could not be settled, retried after its lease",
                        due.shipmentId))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }

    private Uni<Void> book(Claim claim) {
        Optional<CarrierConnector> connector = registry.forCarrier(claim.carrier());
        if (connector.isEmpty()) {
            return settlement.attemptFailed(claim, BookingFailure.permanent("carrier-not-configured",
                    "label-service has no account for carrier " + claim.carrier()));
        }
        Duration timeout = registry.account(claim.carrier()).map(CarrierAccountsConfig.Account::timeout)
                .orElse(FALLBACK_TIMEOUT);
        return attempt(claim, connector.get(), timeout).onItemOrFailure().transformToUni((booked, failure) ->
                failure == null ? settle(claim, booked) : settlement.attemptFailed(claim, BookingFailure.classify(failure)));
    }

    private Uni<Booked> attempt(Claim claim, CarrierConnector connector, Duration timeout) {
        Uni<Booked> ship = calls.call(connector.carrier() + " ship", carrierCall(connector, claim), timeout,
                        () -> connector.ship(claim.shipment(), claim.serviceCode(), claim.idempotencyKey()))
                .map(result -> new Booked(result, false));
        if (claim.priorAttempts() == 0) {
            return ship;
        }
        // An earlier call may have booked without us seeing the answer (timeout, crash): look before booking.
        return calls.call(connector.carrier() + " find booking", carrierCall(connector, claim), timeout,
                        () -> connector.findBooking(claim.idempotencyKey()))
                .chain(found -> found.isPresent() ? Uni.createFrom().item(new Booked(found.get(), true)) : ship);
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

    /** A carrier booking and whether it was found (made by an earlier attempt) rather than made now. */
    private record Booked(BookingResult result, boolean recovered) {
    }

    private static Attributes carrierCall(CarrierConnector connector, Claim claim) {
        return Attributes.of(SpanAttributes.CARRIER, connector.carrier(), SpanAttributes.SHIPMENT_ID, claim.shipmentId());
    }
}
