package dev.carrierhub.label.service;

import dev.carrierhub.contracts.shipment.Shipment;
import dev.carrierhub.core.tracing.TraceContext;
import dev.carrierhub.label.repository.Booking;
import dev.carrierhub.label.repository.BookingRepository;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Return labels (RMA): a booking of its own from the customer back to the warehouse, with the carrier and
 * service of the shipment it returns, made by the same worker with the same exactly-once guarantees. The
 * same RMA reference asked twice is the same return.
 */
@ApplicationScoped
public class ReturnRequests {
    /** RMA references are printed on parcels and typed by people: short, plain characters. */
    public static final Pattern RMA_REFERENCE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._/-]{0,63}");

    private final BookingRepository bookings;
    private final AuditTrail audit;
    private final BookingWorker worker;

    public ReturnRequests(BookingRepository bookings, AuditTrail audit, BookingWorker worker) {
        this.bookings = bookings;
        this.audit = audit;
        this.worker = worker;
    }

    /** What became of a return request. */
    public record Outcome(Kind kind, Booking booking) {
    }

    /** Whether the return was created now, existed already, or cannot be made. */
    public enum Kind { CREATED, EXISTING, NOT_FOUND, NOT_SHIPPED }

    /** Requests the return label of {@code shipmentId} for {@code rmaReference} (checked by the caller). */
    public Uni<Outcome> request(String shipmentId, String rmaReference, String requestedBy) {
        String returnId = returnId(shipmentId, rmaReference);
        return Panache.withTransaction(() -> bookings.findById(shipmentId).chain(outbound -> {
            if (outbound == null) {
                return Uni.createFrom().item(new Outcome(Kind.NOT_FOUND, null));
            }
            if (outbound.state != Booking.State.BOOKED || outbound.returnOf != null) {
                return Uni.createFrom().item(new Outcome(Kind.NOT_SHIPPED, outbound));
            }
            return bookings.findById(returnId).chain(existing -> existing != null
                    ? Uni.createFrom().item(new Outcome(Kind.EXISTING, existing))
                    : create(outbound, returnId, rmaReference, requestedBy));
        })).invoke(outcome -> {
            if (outcome.kind() == Kind.CREATED) {
                worker.nudge();
            }
        });
    }

    public Uni<List<Booking>> returnsOf(String shipmentId) {
        return Panache.withSession(() -> bookings.returnsOf(shipmentId));
    }

    private Uni<Outcome> create(Booking outbound, String returnId, String rmaReference, String requestedBy) {
        Instant now = Instant.now();
        Shipment shipped = BookingJson.read(outbound.shipment, Shipment.class);
        Booking booking = new Booking();
        booking.shipmentId = returnId;
        booking.returnOf = outbound.shipmentId;
        booking.rmaReference = rmaReference;
        booking.state = Booking.State.REQUESTED;
        booking.carrier = outbound.carrier;
        booking.serviceCode = outbound.serviceCode;
        booking.shipment = BookingJson.write(reversed(shipped, returnId));
        booking.chosenQuote = outbound.chosenQuote;
        booking.alternatives = "[]";
        booking.ratedAt = now;
        booking.idempotencyKey = BookingRequestService.KEY_PREFIX + returnId;
        booking.nextAttemptAt = now;
        booking.sourceEventId = "return:" + rmaReference;
        TraceContext trace = TraceContext.current();
        booking.traceparent = trace.traceparent();
        booking.tracestate = trace.tracestate();
        booking.createdAt = now;
        booking.updatedAt = now;
        return bookings.persist(booking)
                .chain(() -> audit.booking(returnId, null, Booking.State.REQUESTED, "return label for RMA " + rmaReference
                        + " of shipment " + outbound.shipmentId + ", requested by " + requestedBy + ": "
                        + booking.carrier + " " + booking.serviceCode))
                .chain(() -> audit.booking(outbound.shipmentId, Booking.State.BOOKED, Booking.State.BOOKED,
                        "return label " + returnId + " requested by " + requestedBy + " for RMA " + rmaReference))
                .replaceWith(new Outcome(Kind.CREATED, booking));
    }

    /** The id of the return of {@code shipmentId} for one RMA: the same RMA always names the same return. */
    static String returnId(String shipmentId, String rmaReference) {
        return UUID.nameUUIDFromBytes(("return:" + shipmentId + ":" + rmaReference).getBytes(StandardCharsets.UTF_8))
                .toString();
    }

    /** The shipment going back: from the customer to the warehouse, the same parcels. */
    static Shipment reversed(Shipment shipped, String returnId) {
        return new Shipment(returnId, shipped.picking(), shipped.shipTo(), shipped.shipFrom(), shipped.parcels(),
                shipped.declaredValue(), shipped.serviceLevel(), shipped.customsLines(), shipped.hazardous(),
                shipped.preferredCarrier());
    }
}
