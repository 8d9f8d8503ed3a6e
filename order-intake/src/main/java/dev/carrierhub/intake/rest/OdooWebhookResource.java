package dev.carrierhub.intake.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.carrierhub.core.problem.Problem;
import dev.carrierhub.intake.service.WebhookIntakeService;
import dev.carrierhub.intake.webhook.OdooWebhook;
import dev.carrierhub.intake.webhook.OdooWebhookParser;
import dev.carrierhub.intake.webhook.WebhookAuthenticator;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** Odoo's automation-rule webhooks, one URL per tenant. */
@Path("/webhooks/odoo/{tenant}")
public class OdooWebhookResource {
    private final WebhookAuthenticator authenticator;
    private final WebhookIntakeService intake;
    private final OdooWebhookParser parser;

    public OdooWebhookResource(WebhookAuthenticator authenticator, WebhookIntakeService intake, ObjectMapper mapper) {
        this.authenticator = authenticator;
        this.intake = intake;
        this.parser = new OdooWebhookParser(mapper);
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
    @Operation(summary = "Receive an Odoo webhook",
            description = "Stores the webhook and answers at once; the picking is read from Odoo afterwards.")
    @APIResponse(responseCode = "202", description = "Stored; processing continues asynchronously")
    @APIResponse(responseCode = "400", description = "Not JSON, or no _model/_id",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "401", description = "Missing or wrong token", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "422", description = "A model this service does not handle",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Uni<Response> receive(
            @PathParam("tenant") String tenant,
            @QueryParam("token") String queryToken,
            @HeaderParam("X-Carrierhub-Token") String headerToken,
            String body) {
        authenticator.authenticate(tenant, headerToken != null ? headerToken : queryToken);
        OdooWebhook webhook = parser.parse(body);
        return intake.accept(tenant, webhook, body)
                .map(accepted -> Response.accepted(new WebhookAccepted(accepted.eventId().toString(),
                        accepted.shipmentId(), "accepted")).build());
    }

    /** The answer to Odoo (which ignores it) and to anyone replaying a webhook by hand. */
    public record WebhookAccepted(String eventId, String shipmentId, String status) {
    }
}
