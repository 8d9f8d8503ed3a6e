package dev.carrierhub.label.rest;

import dev.carrierhub.core.problem.Problem;
import dev.carrierhub.core.problem.ProblemException;
import dev.carrierhub.label.repository.BookingRepository;
import dev.carrierhub.label.service.BookingWorker;
import dev.carrierhub.label.service.VoidRequests;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** An operator voids a shipment's label, as a cancellation from Odoo would. */
@Path("/shipments/{id}/void")
@RolesAllowed("operator")
@Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
@APIResponse(responseCode = "401", description = "No or invalid bearer token", content = @Content(mediaType = Problem.MEDIA_TYPE))
@APIResponse(responseCode = "403", description = "No operator role", content = @Content(mediaType = Problem.MEDIA_TYPE))
public class VoidResource {
    private final VoidRequests voids;
    private final BookingRepository bookings;
    private final BookingWorker worker;
    private final SecurityIdentity identity;

    public VoidResource(VoidRequests voids, BookingRepository bookings, BookingWorker worker, SecurityIdentity identity) {
        this.voids = voids;
        this.bookings = bookings;
        this.worker = worker;
        this.identity = identity;
    }

    /** The body of a void request; all of it optional. */
    public record VoidRequest(String reason) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Void the shipment's label",
            description = "202 while the void goes to the carrier (the booking is VOIDING, then VOIDED); 200 when "
                    + "nothing was booked (CANCELLED) or it was voided already. The outcome is published on "
                    + "shipment.voided, or shipment.exception (stage void) when the carrier refuses.")
    @APIResponse(responseCode = "202", description = "The void is on its way to the carrier")
    @APIResponse(responseCode = "200", description = "Cancelled without a carrier call, or voided already")
    @APIResponse(responseCode = "404", description = "No booking for the shipment", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "409", description = "The label is past the carrier's void window",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Uni<Response> voidLabel(@PathParam("id") String id, VoidRequest request) {
        String reason = request == null ? null : request.reason();
        return Panache.withTransaction(() -> voids.request(id, reason, Operators.name(identity))
                        .chain(outcome -> bookings.findById(id).map(booking -> switch (outcome) {
                            case NOT_FOUND -> throw new ProblemException(Status.NOT_FOUND, "booking-not-found",
                                    "No booking for shipment " + id + ".");
                            case WINDOW_PASSED -> throw new ProblemException(Status.CONFLICT, "void-window-passed",
                                    "The label of shipment " + id + " can no longer be voided through "
                                            + booking.carrier + "'s API: its void window has closed.");
                            case VOIDING -> Response.accepted(ShipmentLabelResource.BookingView.of(booking, List.of())).build();
                            case CANCELLED, ALREADY -> Response.ok(ShipmentLabelResource.BookingView.of(booking, List.of())).build();
                        })))
                .invoke(worker::nudge);
    }
}
