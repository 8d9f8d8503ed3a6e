package dev.carrierhub.label.rest;

import dev.carrierhub.core.problem.Problem;
import dev.carrierhub.core.problem.ProblemException;
import dev.carrierhub.core.problem.UnprocessableContent;
import dev.carrierhub.label.repository.LabelRepository;
import dev.carrierhub.label.service.LabelLinks;
import dev.carrierhub.label.service.ReturnRequests;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import java.net.URI;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** Return labels (RMA) of a shipment: request one for an RMA reference, and list them with their labels. */
@Path("/shipments/{id}/returns")
@Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
public class ReturnResource {
    private final ReturnRequests returns;
    private final LabelRepository labels;
    private final LabelLinks links;
    private final SecurityIdentity identity;

    public ReturnResource(ReturnRequests returns, LabelRepository labels, LabelLinks links, SecurityIdentity identity) {
        this.returns = returns;
        this.labels = labels;
        this.links = links;
        this.identity = identity;
    }

    /** The body of a return request. */
    public record ReturnRequest(String rmaReference) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("operator")
    @Operation(summary = "Request a return label for an RMA (needs the operator role)",
            description = "202 with the return's booking, which the worker books with the shipment's carrier and "
                    + "service from the customer back to the warehouse; 200 with the existing one when the RMA "
                    + "was requested before. The label is then served under the return's own id.")
    @APIResponse(responseCode = "202", description = "The return label is being booked")
    @APIResponse(responseCode = "200", description = "This RMA has a return already")
    @APIResponse(responseCode = "401", description = "No or invalid bearer token", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "403", description = "No operator role", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "404", description = "No booking for the shipment", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "409", description = "The shipment is not booked (or is itself a return)",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "422", description = "No or a malformed RMA reference", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Uni<Response> request(@PathParam("id") String id, ReturnRequest request) {
        String rma = request == null || request.rmaReference() == null ? "" : request.rmaReference().strip();
        if (!ReturnRequests.RMA_REFERENCE.matcher(rma).matches()) {
            throw new ProblemException(UnprocessableContent.STATUS, "invalid-rma-reference",
                    "rmaReference is 1 to 64 letters, digits and . _ / - (starting with a letter or digit); was '"
                            + rma + "'.");
        }
        return returns.request(id, rma, Operators.name(identity)).map(outcome -> switch (outcome.kind()) {
            case NOT_FOUND -> throw new ProblemException(Status.NOT_FOUND, "booking-not-found",
                    "No booking for shipment " + id + ".");
            case NOT_SHIPPED -> throw new ProblemException(Status.CONFLICT, "shipment-not-booked",
                    "Shipment " + id + " is " + outcome.booking().state
                            + (outcome.booking().returnOf != null ? " and is itself a return" : "")
                            + "; only a BOOKED outbound shipment gets return labels.");
            case CREATED -> Response.accepted(ShipmentLabelResource.BookingView.of(outcome.booking(), List.of()))
                    .location(URI.create("/shipments/" + outcome.booking().shipmentId + "/booking")).build();
            case EXISTING -> Response.ok(ShipmentLabelResource.BookingView.of(outcome.booking(), List.of()))
                    .location(URI.create("/shipments/" + outcome.booking().shipmentId + "/booking")).build();
        });
    }

    @GET
    @Operation(summary = "The shipment's return labels, oldest first, with the URLs of their labels")
    public Uni<List<ShipmentLabelResource.BookingView>> list(@PathParam("id") String id) {
        return returns.returnsOf(id).chain(rows -> Multi.createFrom().iterable(rows)
                .onItem().transformToUniAndConcatenate(row -> Panache.withSession(
                        () -> labels.summaries(row.shipmentId)).map(summaries -> ShipmentLabelResource.BookingView.of(row,
                        summaries.stream().map(s -> ShipmentLabelResource.LabelView.of(s, links.url(row.shipmentId, s.id())))
                                .toList())))
                .collect().asList());
    }
}
