package dev.carrierhub.label.rest;

import dev.carrierhub.contracts.shipment.Money;
import dev.carrierhub.core.problem.Problem;
import dev.carrierhub.core.problem.ProblemException;
import dev.carrierhub.core.audit.AuditEntry;
import dev.carrierhub.core.audit.AuditEntryRepository;
import dev.carrierhub.label.repository.Booking;
import dev.carrierhub.label.repository.BookingRepository;
import dev.carrierhub.label.repository.LabelRepository;
import dev.carrierhub.label.repository.LabelSummary;
import dev.carrierhub.label.repository.StoredLabel;
import dev.carrierhub.label.service.AuditTrail;
import dev.carrierhub.label.service.LabelLinks;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import jakarta.annotation.security.RolesAllowed;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** Read side: a shipment's booking, its labels (the bytes as the carrier sent them) and its audit trail. */
@Path("/shipments/{id}")
public class ShipmentLabelResource {
    private final BookingRepository bookings;
    private final LabelRepository labels;
    private final AuditEntryRepository audit;
    private final LabelLinks links;

    public ShipmentLabelResource(BookingRepository bookings, LabelRepository labels, AuditEntryRepository audit,
            LabelLinks links) {
        this.bookings = bookings;
        this.labels = labels;
        this.audit = audit;
        this.links = links;
    }

    /**
     * The first label, by the shipment's id. Shipment ids are derived from the tenant and the picking, so
     * anyone could name one: this path needs a token with the {@code operator} or {@code label-reader} role.
     */
    @GET
    @Path("/label")
    @WithSession
    @RolesAllowed({"operator", "label-reader"})
    @Operation(summary = "The shipment's first label (needs the operator or label-reader role)",
            description = "PDF as application/pdf, PNG as image/png, ZPL as text/plain.")
    @APIResponse(responseCode = "401", description = "No or invalid bearer token", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "403", description = "Neither the operator nor the label-reader role",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Uni<Response> firstLabel(@PathParam("id") String id) {
        return labels.first(id)
                .onItem().ifNull().failWith(() -> new ProblemException(Status.NOT_FOUND, "label-not-found",
                        "Shipment " + id + " has no label (unknown, or not booked yet)."))
                .map(ShipmentLabelResource::download);
    }

    /**
     * One label by the URL published in {@code shipment.labeled}. The label id is a random UUID (122 random
     * bits) that travels only in that event, so the URL itself is the permission to read the label.
     */
    @GET
    @Path("/labels/{labelId}")
    @WithSession
    @Operation(summary = "One label of the shipment, as linked from shipment.labeled")
    public Uni<Response> label(@PathParam("id") String id, @PathParam("labelId") String labelId) {
        UUID uuid;
        try {
            uuid = UUID.fromString(labelId);
        } catch (IllegalArgumentException notAUuid) {
            throw labelNotFound(id, labelId);
        }
        return labels.find(id, uuid)
                .onItem().ifNull().failWith(() -> labelNotFound(id, labelId))
                .map(ShipmentLabelResource::download);
    }

    @GET
    @Path("/booking")
    @WithSession
    @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
    @Operation(summary = "The shipment's booking: state, attempts, carrier references and labels")
    public Uni<BookingView> booking(@PathParam("id") String id) {
        return bookings.findById(id)
                .onItem().ifNull().failWith(() -> bookingNotFound(id))
                .chain(booking -> labels.summaries(id).map(summaries -> BookingView.of(booking,
                        summaries.stream().map(s -> LabelView.of(s, links.url(id, s.id()))).toList())));
    }

    @GET
    @Path("/audit")
    @WithSession
    @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
    @Operation(summary = "Every state change of the shipment's booking, oldest first")
    public Uni<List<AuditView>> audit(@PathParam("id") String id) {
        return audit.forEntity(AuditTrail.BOOKING, id).map(entries -> {
            if (entries.isEmpty()) {
                throw bookingNotFound(id);
            }
            return entries.stream().map(AuditView::of).toList();
        });
    }

    private static Response download(StoredLabel label) {
        String name = (label.shipmentId + "-" + (label.parcelReference == null ? label.position : label.parcelReference))
                .replaceAll("[^A-Za-z0-9._-]", "_") + "." + LabelMediaTypes.extension(label.format);
        return Response.ok(label.content)
                .type(LabelMediaTypes.mediaType(label.format))
                .tag(new EntityTag(label.sha256))
                .header("Content-Disposition", "inline; filename=\"" + name + "\"")
                .build();
    }

    private static ProblemException labelNotFound(String id, String labelId) {
        return new ProblemException(Status.NOT_FOUND, "label-not-found", "Shipment " + id + " has no label " + labelId + ".");
    }

    private static ProblemException bookingNotFound(String id) {
        return new ProblemException(Status.NOT_FOUND, "booking-not-found", "No booking for shipment " + id + ".");
    }

    /** The JSON shape of {@link #booking}. */
    public record BookingView(String shipmentId, String state, String carrier, String serviceCode, String idempotencyKey,
            int attempts, int deferrals, Instant nextAttemptAt, String lastError, String trackingNumber,
            String carrierShipmentId, Money price, Instant ratedAt, Instant bookedAt, String voidReason,
            String returnOf, String rmaReference, Instant createdAt, Instant updatedAt, List<LabelView> labels) {
        static BookingView of(Booking b, List<LabelView> labels) {
            Money price = b.priceAmount == null ? null : new Money(b.priceAmount, b.priceCurrency);
            return new BookingView(b.shipmentId, b.state.name(), b.carrier, b.serviceCode, b.idempotencyKey, b.attempts,
                    b.deferrals, Booking.State.QUEUED.contains(b.state) ? b.nextAttemptAt : null, b.lastError,
                    b.trackingNumber, b.carrierShipmentId, price, b.ratedAt, b.bookedAt, b.voidReason, b.returnOf,
                    b.rmaReference, b.createdAt, b.updatedAt, labels);
        }
    }

    /** One stored label, without its bytes. */
    public record LabelView(UUID id, String parcelReference, String format, int sizeBytes, String sha256, String url) {
        static LabelView of(LabelSummary s, String url) {
            return new LabelView(s.id(), s.parcelReference(), s.format(), s.sizeBytes(), s.sha256(), url);
        }
    }

    /** One audit entry. */
    public record AuditView(long id, String actor, Instant occurredAt, String fromState, String toState, String detail,
            String traceparent) {
        static AuditView of(AuditEntry e) {
            return new AuditView(e.id, e.actor, e.occurredAt, e.fromState, e.toState, e.detail, e.traceparent);
        }
    }
}
