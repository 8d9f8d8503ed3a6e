package dev.carrierhub.label.service;

import dev.carrierhub.carriers.BookingResult;
import dev.carrierhub.carriers.VoidResult;
import dev.carrierhub.contracts.events.ShipmentException;
import dev.carrierhub.contracts.events.ShipmentVoided;
import dev.carrierhub.core.outbox.Outbox;
import dev.carrierhub.core.outbox.Transactions;
import dev.carrierhub.label.config.LabelConfig;
import dev.carrierhub.label.repository.Booking;
import dev.carrierhub.label.repository.BookingRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Function;
import org.jboss.logging.Logger;

/**
 * The transactions that end a void: VOIDED ({@code shipment.voided}), CANCELLED when the carrier never
 * booked, retried later, or back where it came from with a {@code shipment.exception} (stage {@code void})
 * when the carrier refuses. Each settles only a booking still VOIDING, under a row lock.
 */
@ApplicationScoped
public class VoidSettlement {
    private static final Logger LOG = Logger.getLogger(VoidSettlement.class);
    static final String STAGE = "void";

    private final BookingRepository bookings;
    private final AuditTrail audit;
    private final Outbox outbox;
    private final Transactions transactions;
    private final LabelConfig.Booking config;
    private final Backoff backoff;
    private final LabelMetrics metrics;

    public VoidSettlement(BookingRepository bookings, AuditTrail audit, Outbox outbox, Transactions transactions,
            LabelConfig config, LabelMetrics metrics) {
        this.bookings = bookings;
        this.audit = audit;
        this.outbox = outbox;
        this.transactions = transactions;
        this.config = config.booking();
        this.backoff = new Backoff(this.config.firstRetry(), this.config.maxRetry());
        this.metrics = metrics;
    }

    /** The carrier voided the label; {@code found} is the booking a look-up found, when the void needed one. */
    public Uni<Void> voided(Claim claim, BookingResult found, VoidResult result) {
        return settle(claim, locked -> {
            Instant now = Instant.now();
            if (found != null) {
                locked.carrierShipmentId = found.carrierShipmentId();
                locked.trackingNumber = found.trackingNumber();
            }
            locked.state = Booking.State.VOIDED;
            locked.lastError = null;
            locked.updatedAt = now;
            metrics.voidEnded(claim.carrier(), "voided");
            String detail = "voided " + locked.carrierShipmentId + " with " + claim.carrier()
                    + (result.alreadyVoided() ? " (the carrier had voided it already)" : "")
                    + (claim.voidReason() == null ? "" : ": " + claim.voidReason());
            return audit.booking(claim.shipmentId(), Booking.State.VOIDING, Booking.State.VOIDED, detail)
                    .chain(() -> outbox.append(new ShipmentVoided(claim.shipmentId(), claim.shipment().picking(),
                            claim.carrier(), locked.carrierShipmentId, locked.trackingNumber, claim.voidReason(), now)))
                    .replaceWithVoid();
        });
    }

    /** The carrier has no booking under the key: the cancellation came before any label was bought. */
    public Uni<Void> nothingToVoid(Claim claim) {
        return settle(claim, locked -> {
            locked.state = Booking.State.CANCELLED;
            locked.lastError = null;
            locked.updatedAt = Instant.now();
            metrics.voidEnded(claim.carrier(), "cancelled");
            return audit.booking(claim.shipmentId(), Booking.State.VOIDING, Booking.State.CANCELLED,
                    claim.carrier() + " has no booking under " + claim.idempotencyKey() + "; nothing to void"
                            + (claim.voidReason() == null ? "" : ": " + claim.voidReason()));
        });
    }

    /**
     * A void call failed. Retryable: again after a back-off, until the attempts run out. Refused, or out of
     * attempts: the booking goes back to the state the void started from and a person is told.
     */
    public Uni<Void> voidFailed(Claim claim, BookingFailure failure) {
        return settle(claim, locked -> {
            Instant now = Instant.now();
            if (failure.retryable() && locked.attempts < config.maxAttempts()) {
                Duration wait = backoff.after(locked.attempts, failure.retryAfter());
                locked.nextAttemptAt = now.plus(wait);
                locked.lastError = failure.message();
                locked.updatedAt = now;
                return audit.booking(claim.shipmentId(), Booking.State.VOIDING, Booking.State.VOIDING,
                        "void attempt " + locked.attempts + " failed (" + failure.kind() + "): " + failure.message()
                                + "; next attempt at " + locked.nextAttemptAt);
            }
            String reasonCode = failure.retryable() ? "void-failed"
                    : failure.kind().equals("invalid-request") ? "void-refused" : "void-" + failure.kind();
            String message = (failure.retryable() ? "void gave up after " + locked.attempts + " attempts, the last: " : "")
                    + failure.message();
            Booking.State back = locked.voidFrom == null ? Booking.State.BOOKED : locked.voidFrom;
            locked.state = back;
            locked.lastError = message;
            // A booking that goes back to the queue waits for the next poll, not for a lease.
            locked.nextAttemptAt = now;
            locked.updatedAt = now;
            metrics.voidEnded(claim.carrier(), failure.retryable() ? "failed" : "refused");
            LOG.warnf("void of %s failed (%s): %s", claim.shipmentId(), reasonCode, message);
            return audit.booking(claim.shipmentId(), Booking.State.VOIDING, back, reasonCode + ": " + message)
                    .chain(() -> outbox.append(new ShipmentException(claim.shipmentId(), claim.shipment().picking(),
                            STAGE, reasonCode, message, claim.carrier(), failure.retryable(), now)))
                    .replaceWithVoid();
        });
    }

    private Uni<Void> settle(Claim claim, Function<Booking, Uni<Void>> change) {
        return transactions.inTransaction(() -> bookings.lock(claim.shipmentId()).chain(locked ->
                locked == null || locked.state != Booking.State.VOIDING ? Uni.createFrom().voidItem() : change.apply(locked)));
    }
}
