package dev.carrierhub.tracking.rest;

import dev.carrierhub.core.problem.Problem;
import dev.carrierhub.tracking.service.CallbackService;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** Signed tracking callbacks pushed by carriers, one URL per carrier. */
@Path("/callbacks/{carrier}")
public class CarrierCallbackResource {
    private final CallbackService callbacks;

    public CarrierCallbackResource(CallbackService callbacks) {
        this.callbacks = callbacks;
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
    @Operation(summary = "Receive a carrier tracking callback",
            description = "Verifies the carrier's signature over the raw body, stores the callback as received and "
                    + "answers; the event joins the shipment's history right after.")
    @APIResponse(responseCode = "202", description = "Verified and stored (outcome received, or ignored when it is not about tracking)")
    @APIResponse(responseCode = "400", description = "Signed, but not a readable callback (kept for operators)",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "401", description = "Missing, malformed, expired or wrong signature; nothing stored",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "503", description = "The carrier's signing keys cannot be fetched now, or too many callbacks "
            + "arrive at once; nothing stored, send again after Retry-After",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "404", description = "No callbacks are taken for this carrier",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "413", description = "Body over the limit (64 KB by default)",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Uni<Response> receive(@PathParam("carrier") String carrier, @Context HttpHeaders headers, byte[] body) {
        return callbacks.receive(carrier, headers::getHeaderString, body == null ? new byte[0] : body)
                .map(received -> Response.accepted(new CallbackAccepted(received.callbackId().toString(),
                        received.outcome(), received.trackingNumber(), received.eventId())).build());
    }

    /** The answer to the carrier (which only looks at the status) and to anyone replaying a callback by hand. */
    public record CallbackAccepted(String callbackId, String outcome, String trackingNumber, String eventId) {
    }
}
