package dev.carrierhub.label.service;

import dev.carrierhub.carriers.BookingResult;
import dev.carrierhub.carriers.registry.CarrierRegistry;
import dev.carrierhub.contracts.events.LabelDeferred;
import dev.carrierhub.contracts.events.LabelRef;
import dev.carrierhub.contracts.events.Quote;
import dev.carrierhub.contracts.events.ShipmentException;
import dev.carrierhub.contracts.events.ShipmentLabeled;
import dev.carrierhub.core.outbox.Outbox;
import dev.carrierhub.core.outbox.Transactions;
import dev.carrierhub.label.config.LabelConfig;
import dev.carrierhub.label.repository.Booking;
import dev.carrierhub.label.repository.BookingRepository;
import dev.carrierhub.label.repository.LabelRepository;
import dev.carrierhub.label.repository.StoredLabel;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * The booking's transactions around a carrier call: claim it, then settle it as booked (labels, state,
 * {@code shipment.labeled}), as retried later, as moved to an alternative carrier, as deferred
 * ({@code label.deferred}) or as failed ({@code shipment.exception}). Each settles only a booking still
 * REQUESTED, under a row lock, so a booking is settled once however many workers tried.
 */
@ApplicationScoped
public class BookingSettlement {
    private static final Logger LOG = Logger.getLogger(BookingSettlement.class);
    static final String STAGE = "booking";

    private final BookingRepository bookings;
    private final LabelRepository labels;
    private final AuditTrail audit;
    private final Outbox outbox;
    private final Transactions transactions;
    private final LabelLinks links;
    private final CarrierRegistry registry;
    private final LabelConfig.Booking config;
    private final LabelConfig.Deferral deferral;
    private final Backoff backoff;
    private final LabelMetrics metrics;

    public BookingSettlement(BookingRepository bookings, LabelRepository labels, AuditTrail audit, Outbox outbox,
            Transactions transactions, LabelLinks links, CarrierRegistry registry, LabelConfig config,
            LabelMetrics metrics) {
        this.bookings = bookings;
        this.labels = labels;
        this.audit = audit;
        this.outbox = outbox;
        this.transactions = transactions;
        this.links = links;
        this.registry = registry;
        this.config = config.booking();
        this.deferral = config.deferral();
        this.backoff = new Backoff(this.config.firstRetry(), this.config.maxRetry());
        this.metrics = metrics;
    }

    /**
     * Takes a due booking for one carrier call: counts the call and leases the row, so neither a poll nor
     * another replica calls the carrier for it meanwhile. A deferred booking whose time has come starts a new
     * round of attempts. Null when the booking is not (or no longer) due.
     */
    public Uni<Claim> claim(String shipmentId) {
        return Panache.withTransaction(() -> bookings.lock(shipmentId).chain(locked -> {
            Instant now = Instant.now();
            if (locked == null || !Booking.State.QUEUED.contains(locked.state) || locked.nextAttemptAt.isAfter(now)) {
                return Uni.createFrom().nullItem();
            }
            Uni<Void> resumed = Uni.createFrom().voidItem();
            if (locked.state == Booking.State.DEFERRED) {
                locked.state = Booking.State.REQUESTED;
                locked.attempts = 0;
                resumed = audit.booking(shipmentId, Booking.State.DEFERRED, Booking.State.REQUESTED,
                        "retrying " + locked.carrier + " as scheduled after deferral " + locked.deferrals);
            }
            Claim claim = Claim.of(locked, locked.state == Booking.State.VOIDING ? Claim.Action.VOID : Claim.Action.BOOK);
            locked.attempts++;
            if (claim.action() == Claim.Action.BOOK) {
                locked.carrierCalls++;
                // Until the call is settled, nobody knows whether it booked; a crash leaves it so.
                locked.outcomeUnknown = true;
            }
            locked.nextAttemptAt = now.plus(config.lease());
            locked.updatedAt = now;
            return resumed.replaceWith(claim);
        }));
    }

    /** Stores the labels, marks the booking BOOKED and publishes {@code shipment.labeled}, in one transaction. */
    public Uni<Void> booked(Claim claim, BookingResult result, List<StoredLabel> rows, boolean recovered) {
        Instant now = Instant.now();
        return transactions.inTransaction(() -> bookings.lock(claim.shipmentId()).chain(locked -> {
            if (locked != null && locked.state == Booking.State.VOIDING && locked.carrierShipmentId == null) {
                return bookedWhileCancelled(locked, result, now).replaceWith(false);
            }
            if (locked == null || locked.state != Booking.State.REQUESTED) {
                return Uni.createFrom().item(false);
            }
            locked.state = Booking.State.BOOKED;
            locked.trackingNumber = result.trackingNumber();
            locked.carrierShipmentId = result.carrierShipmentId();
            locked.priceAmount = result.price().amount();
            locked.priceCurrency = result.price().currency();
            locked.lastError = null;
            locked.outcomeUnknown = false;
            locked.deferredSince = null;
            locked.bookedAt = now;
            locked.updatedAt = now;
            String detail = (recovered ? "found the booking made by an earlier attempt: " : "booked: ")
                    + claim.carrier() + " " + claim.serviceCode() + ", tracking " + result.trackingNumber()
                    + ", carrier shipment " + result.carrierShipmentId() + ", " + rows.size() + " label(s), attempt "
                    + claim.attempt();
            Uni<Void> stored = labels.persist(rows)
                    .chain(() -> audit.booking(claim.shipmentId(), Booking.State.REQUESTED, Booking.State.BOOKED, detail));
            // A return label is fetched by whoever asked for it; shipment.labeled tells Odoo about the
            // picking's own label and would put the return's tracking number on the delivery.
            return (claim.isReturn() ? stored : stored.chain(() -> outbox.append(labeled(claim, result, rows, now))))
                    .replaceWith(true);
        })).invoke(settled -> {
            metrics.attempt(claim.carrier(), recovered ? "recovered" : "booked");
            if (settled) {
                metrics.booked(claim.carrier(), Duration.between(claim.ratedAt(), now).abs(),
                        claim.requestedAt() == null ? null : Duration.between(claim.requestedAt(), now).abs());
            }
        }).replaceWithVoid();
    }

    /**
     * A cancellation came while this booking call was in flight, and the carrier booked anyway: keep the
     * carrier's ids so the waiting void voids exactly this booking, now.
     */
    private Uni<Void> bookedWhileCancelled(Booking locked, BookingResult result, Instant now) {
        locked.trackingNumber = result.trackingNumber();
        locked.carrierShipmentId = result.carrierShipmentId();
        locked.priceAmount = result.price().amount();
        locked.priceCurrency = result.price().currency();
        locked.bookedAt = now;
        locked.nextAttemptAt = now;
        locked.updatedAt = now;
        return audit.booking(locked.shipmentId, Booking.State.VOIDING, Booking.State.VOIDING,
                "the carrier booked " + result.carrierShipmentId() + " while the cancellation waited; voiding it");
    }

    /**
     * A failed call. Permanent: the booking fails. The carrier down, or retries used up: another carrier
     * takes it if the policy allows and nothing may have been booked, else it is deferred. Otherwise it is
     * retried after a back-off.
     */
    public Uni<Void> attemptFailed(Claim claim, BookingFailure failure, boolean shipCalled) {
        metrics.attempt(claim.carrier(), failure.kind());
        return transactions.inTransaction(() -> bookings.lock(claim.shipmentId()).chain(locked -> {
            if (locked == null || locked.state != Booking.State.REQUESTED) {
                return Uni.createFrom().voidItem();
            }
            // Once a call may have booked, it stays so: that call may still be in flight at the carrier, so
            // neither an empty look-up nor a later refusal proves it did not book. Only a booking ends it.
            locked.outcomeUnknown = claim.outcomeUnknownBefore() || (shipCalled && failure.mayHaveBooked());
            if (!failure.retryable()) {
                return fail(locked, claim, failure, null, "");
            }
            if (failure.carrierDown() || locked.attempts >= config.maxAttempts()) {
                return carrierDown(locked, claim, failure);
            }
            Instant now = Instant.now();
            Duration wait = backoff.after(locked.attempts, failure.retryAfter());
            locked.nextAttemptAt = now.plus(wait);
            locked.lastError = failure.message();
            locked.updatedAt = now;
            LOG.infof("booking %s attempt %d failed (%s), next in %d ms", claim.shipmentId(), locked.attempts,
                    failure.kind(), wait.toMillis());
            return audit.booking(claim.shipmentId(), Booking.State.REQUESTED, Booking.State.REQUESTED,
                    "attempt " + locked.attempts + " failed (" + failure.kind() + "): " + failure.message()
                            + "; next attempt at " + locked.nextAttemptAt);
        }));
    }

    /**
     * The carrier booked, but its labels cannot be kept: the booking fails, keeping the carrier's ids so an
     * operator can void it.
     */
    public Uni<Void> labelsRejected(Claim claim, BookingFailure failure, BookingResult result) {
        metrics.attempt(claim.carrier(), failure.kind());
        return transactions.inTransaction(() -> bookings.lock(claim.shipmentId()).chain(locked -> {
            if (locked == null || locked.state != Booking.State.REQUESTED) {
                return Uni.createFrom().voidItem();
            }
            locked.outcomeUnknown = false;
            return fail(locked, claim, failure, result, "");
        }));
    }

    private Uni<Void> carrierDown(Booking locked, Claim claim, BookingFailure failure) {
        String why = locked.attempts >= config.maxAttempts() && !failure.carrierDown()
                ? "no booking after " + locked.attempts + " attempts, the last: " + failure.message()
                : failure.message();
        List<Quote> alternatives = Arrays.asList(BookingJson.read(locked.alternatives, Quote[].class));
        Optional<Quote> next = locked.outcomeUnknown ? Optional.empty()
                : FallbackPolicy.next(alternatives, locked.carrier, carrier -> registry.forCarrier(carrier).isPresent());
        if (next.isPresent()) {
            return fallBack(locked, next.get(), FallbackPolicy.after(alternatives, next.get()), why);
        }
        Instant now = Instant.now();
        if (locked.deferredSince != null && locked.deferredSince.plus(deferral.giveUpAfter()).isBefore(now)) {
            return fail(locked, claim, failure, null, "deferred since " + locked.deferredSince + " and given up: ");
        }
        return defer(locked, claim, failure, why + (locked.outcomeUnknown
                ? " (an earlier call may have booked, so no other carrier is tried before " + locked.carrier + " answers)"
                : ""), now);
    }

    private Uni<Void> fallBack(Booking locked, Quote next, List<Quote> rest, String why) {
        String from = locked.carrier + " " + locked.serviceCode;
        Instant now = Instant.now();
        metrics.fallback(locked.carrier, next.carrier());
        locked.carrier = next.carrier();
        locked.serviceCode = next.serviceCode();
        locked.chosenQuote = BookingJson.write(next);
        locked.alternatives = BookingJson.write(rest);
        locked.attempts = 0;
        locked.carrierCalls = 0;
        locked.outcomeUnknown = false;
        locked.nextAttemptAt = now;
        locked.lastError = why;
        locked.updatedAt = now;
        LOG.warnf("booking %s falls back from %s to %s %s: %s", locked.shipmentId, from, next.carrier(),
                next.serviceCode(), why);
        return audit.booking(locked.shipmentId, Booking.State.REQUESTED, Booking.State.REQUESTED,
                "fallback from " + from + " (" + why + ") to " + next.carrier() + " " + next.serviceCode() + " at "
                        + next.price().amount() + " " + next.price().currency() + "; " + rest.size()
                        + " alternative(s) left");
    }

    private Uni<Void> defer(Booking locked, Claim claim, BookingFailure failure, String why, Instant now) {
        Duration wait = deferral.retryEvery();
        if (failure.retryAfter() != null && failure.retryAfter().compareTo(wait) > 0) {
            wait = failure.retryAfter();
        }
        locked.state = Booking.State.DEFERRED;
        locked.deferrals++;
        locked.deferredSince = locked.deferredSince == null ? now : locked.deferredSince;
        locked.nextAttemptAt = now.plus(wait);
        locked.lastError = why;
        locked.updatedAt = now;
        metrics.deferred(claim.carrier());
        LOG.warnf("booking %s deferred until %s: %s", claim.shipmentId(), locked.nextAttemptAt, why);
        return audit.booking(claim.shipmentId(), Booking.State.REQUESTED, Booking.State.DEFERRED,
                        "deferral " + locked.deferrals + " until " + locked.nextAttemptAt + ": " + why)
                .chain(() -> outbox.append(new LabelDeferred(claim.shipmentId(), claim.shipment().picking(),
                        locked.carrier, locked.serviceCode, why, locked.deferrals, locked.nextAttemptAt, now)))
                .replaceWithVoid();
    }

    private Uni<Void> fail(Booking locked, Claim claim, BookingFailure failure, BookingResult result, String prefix) {
        Instant now = Instant.now();
        locked.state = Booking.State.FAILED;
        locked.lastError = prefix + failure.message();
        locked.updatedAt = now;
        if (result != null) {
            locked.trackingNumber = result.trackingNumber();
            locked.carrierShipmentId = result.carrierShipmentId();
        }
        metrics.failed(locked.carrier);
        LOG.warnf("booking %s failed (%s): %s", claim.shipmentId(), failure.reasonCode(), locked.lastError);
        return audit.booking(claim.shipmentId(), Booking.State.REQUESTED, Booking.State.FAILED,
                        failure.reasonCode() + ": " + locked.lastError)
                .chain(() -> outbox.append(new ShipmentException(claim.shipmentId(), claim.shipment().picking(), STAGE,
                        failure.reasonCode(), locked.lastError, locked.carrier, failure.retryable(), now)))
                .replaceWithVoid();
    }

    private ShipmentLabeled labeled(Claim claim, BookingResult result, List<StoredLabel> rows, Instant now) {
        List<LabelRef> refs = rows.stream()
                .map(row -> new LabelRef(row.parcelReference, row.format, links.url(claim.shipmentId(), row.id),
                        row.sha256, row.sizeBytes))
                .toList();
        return new ShipmentLabeled(claim.shipmentId(), claim.shipment().picking(), claim.carrier(), claim.serviceCode(),
                result.carrierShipmentId(), result.trackingNumber(), result.price(), claim.quote().price(), refs, now);
    }
}
