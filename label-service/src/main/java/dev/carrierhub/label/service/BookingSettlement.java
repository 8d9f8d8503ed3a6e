package dev.carrierhub.label.service;

import dev.carrierhub.carriers.BookingResult;
import dev.carrierhub.contracts.events.LabelRef;
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
import java.util.List;
import org.jboss.logging.Logger;

/**
 * The booking's transactions around a carrier call: claim it, then settle it as booked (labels, state,
 * {@code shipment.labeled}), as retried later, or as failed ({@code shipment.exception}). Each settles only
 * a booking still REQUESTED, under a row lock, so a booking is settled once however many workers tried.
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
    private final LabelConfig.Booking config;
    private final Backoff backoff;
    private final MeterRegistry meters;

    public BookingSettlement(BookingRepository bookings, LabelRepository labels, AuditTrail audit, Outbox outbox,
            Transactions transactions, LabelLinks links, LabelConfig config, MeterRegistry meters) {
        this.bookings = bookings;
        this.labels = labels;
        this.audit = audit;
        this.outbox = outbox;
        this.transactions = transactions;
        this.links = links;
        this.config = config.booking();
        this.backoff = new Backoff(this.config.firstRetry(), this.config.maxRetry());
        this.meters = meters;
    }

    /**
     * Takes a due booking for one carrier call: counts the attempt and leases the row, so neither a poll nor
     * another replica calls the carrier for it meanwhile. Null when the booking is not (or no longer) due.
     */
    public Uni<Claim> claim(String shipmentId) {
        return Panache.withTransaction(() -> bookings.lock(shipmentId).map(locked -> {
            Instant now = Instant.now();
            if (locked == null || locked.state != Booking.State.REQUESTED || locked.nextAttemptAt.isAfter(now)) {
                return null;
            }
            int prior = locked.attempts;
            locked.attempts++;
            locked.nextAttemptAt = now.plus(config.lease());
            locked.updatedAt = now;
            return Claim.of(locked, prior);
        }));
    }

    /** Stores the labels, marks the booking BOOKED and publishes {@code shipment.labeled}, in one transaction. */
    public Uni<Void> booked(Claim claim, BookingResult result, List<StoredLabel> rows, boolean recovered) {
        Instant now = Instant.now();
        return transactions.inTransaction(() -> bookings.lock(claim.shipmentId()).chain(locked -> {
            if (locked == null || locked.state != Booking.State.REQUESTED) {
                return Uni.createFrom().item(false);
            }
            locked.state = Booking.State.BOOKED;
            locked.trackingNumber = result.trackingNumber();
            locked.carrierShipmentId = result.carrierShipmentId();
            locked.priceAmount = result.price().amount();
            locked.priceCurrency = result.price().currency();
            locked.lastError = null;
            locked.updatedAt = now;
            String detail = (recovered ? "found the booking made by an earlier attempt: " : "booked: ")
                    + claim.carrier() + " " + claim.serviceCode() + ", tracking " + result.trackingNumber()
                    + ", carrier shipment " + result.carrierShipmentId() + ", " + rows.size() + " label(s), attempt "
                    + claim.attempt();
            return labels.persist(rows)
                    .chain(() -> audit.booking(claim.shipmentId(), Booking.State.REQUESTED, Booking.State.BOOKED, detail))
                    .chain(() -> outbox.append(labeled(claim, result, rows, now)))
                    .replaceWith(true);
        })).invoke(settled -> {
            count(claim, recovered ? "recovered" : "booked");
            if (settled) {
                meters.counter("carrierhub.label.bookings", "carrier", claim.carrier(), "outcome", "booked").increment();
                meters.timer("carrierhub.label.rated.to.labeled", "carrier", claim.carrier())
                        .record(Duration.between(claim.ratedAt(), now).abs());
            }
        }).replaceWithVoid();
    }

    /** A failed call: retried later with back-off, or the booking fails once the failure is permanent or attempts run out. */
    public Uni<Void> attemptFailed(Claim claim, BookingFailure failure) {
        count(claim, failure.kind());
        if (!failure.retryable()) {
            return failPermanently(claim, failure, null);
        }
        return transactions.inTransaction(() -> bookings.lock(claim.shipmentId()).chain(locked -> {
            if (locked == null || locked.state != Booking.State.REQUESTED) {
                return Uni.createFrom().voidItem();
            }
            if (locked.attempts >= config.maxAttempts()) {
                return fail(locked, claim, failure, null, "gave up after " + locked.attempts + " attempts, the last: ");
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
        count(claim, failure.kind());
        return failPermanently(claim, failure, result);
    }

    private Uni<Void> failPermanently(Claim claim, BookingFailure failure, BookingResult result) {
        return transactions.inTransaction(() -> bookings.lock(claim.shipmentId()).chain(locked -> {
            if (locked == null || locked.state != Booking.State.REQUESTED) {
                return Uni.createFrom().voidItem();
            }
            return fail(locked, claim, failure, result, "");
        }));
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
        meters.counter("carrierhub.label.bookings", "carrier", claim.carrier(), "outcome", "failed").increment();
        LOG.warnf("booking %s failed (%s): %s", claim.shipmentId(), failure.reasonCode(), locked.lastError);
        return audit.booking(claim.shipmentId(), Booking.State.REQUESTED, Booking.State.FAILED,
                        failure.reasonCode() + ": " + locked.lastError)
                .chain(() -> outbox.append(new ShipmentException(claim.shipmentId(), claim.shipment().picking(), STAGE,
                        failure.reasonCode(), locked.lastError, claim.carrier(), failure.retryable(), now)))
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

    private void count(Claim claim, String outcome) {
        meters.counter("carrierhub.label.attempts", "carrier", claim.carrier(), "outcome", outcome).increment();
    }
}
