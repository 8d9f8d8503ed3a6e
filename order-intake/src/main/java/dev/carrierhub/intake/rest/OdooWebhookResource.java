package dev.carrierhub.intake.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.carrierhub.core.problem.Problem;
import dev.carrierhub.core.problem.ProblemException;
import dev.carrierhub.intake.config.WebhookConfig;
import dev.carrierhub.intake.service.WebhookIntakeService;
import dev.carrierhub.intake.webhook.ClientAddress;
import dev.carrierhub.intake.webhook.OdooWebhook;
import dev.carrierhub.intake.webhook.OdooWebhookParser;
import dev.carrierhub.intake.webhook.WebhookAuthenticator;
import dev.carrierhub.intake.webhook.WebhookRateLimiter;
import dev.carrierhub.intake.webhook.WebhookSignature;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.SocketAddress;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * Odoo's automation-rule webhooks, one URL per tenant. Checks run cheapest-and-least-revealing first —
 * token, source, signature, rate, size, body — and nothing is stored unless all pass.
 */
@Path("/webhooks/odoo/{tenant}")
public class OdooWebhookResource {
    private final WebhookAuthenticator authenticator;
    private final WebhookRateLimiter rateLimiter;
    private final WebhookIntakeService intake;
    private final OdooWebhookParser parser;
    private final ClientAddress clientAddress;
    private final long maxBodyBytes;
    private final MeterRegistry meters;

    public OdooWebhookResource(WebhookAuthenticator authenticator, WebhookRateLimiter rateLimiter,
            WebhookIntakeService intake, ObjectMapper mapper, WebhookConfig config, MeterRegistry meters) {
        this.authenticator = authenticator;
        this.rateLimiter = rateLimiter;
        this.intake = intake;
        this.parser = new OdooWebhookParser(mapper);
        this.clientAddress = new ClientAddress(config.trustForwardedFor(), config.forwardedForHops());
        this.maxBodyBytes = config.maxBodySize().asLongValue();
        this.meters = meters;
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
    @Operation(summary = "Receive an Odoo webhook",
            description = "Stores the webhook and answers at once; the record is read from Odoo afterwards.")
    @APIResponse(responseCode = "202", description = "Stored; processing continues asynchronously")
    @APIResponse(responseCode = "400", description = "Not JSON, or no _model/_id",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "401", description = "Missing or wrong token, or signature",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "403", description = "The caller's address is not in the tenant's allow-list",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "413", description = "The body is over carrierhub.webhook.max-body-size",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "422", description = "A model this tenant is not configured for",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "429", description = "Over the tenant's rate limit; see Retry-After",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Uni<Response> receive(
            @PathParam("tenant") String tenant,
            @QueryParam("token") String queryToken,
            @HeaderParam("X-Carrierhub-Token") String headerToken,
            @HeaderParam(WebhookSignature.HEADER) String signature,
            @Context HttpServerRequest request,
            byte[] body) {
        try {
            Set<String> models = authenticator.authenticate(tenant, headerToken != null ? headerToken : queryToken,
                    clientAddress.resolve(peer(request), request.headers().getAll(ClientAddress.FORWARDED_FOR)),
                    signature, body);
            rateLimiter.take(tenant);
            if (body.length > maxBodyBytes) {
                // A chunked body has no Content-Length for WebhookSizeLimit to refuse early.
                throw tooLarge(maxBodyBytes);
            }
            String text = OdooWebhookParser.text(body);
            OdooWebhook webhook = parser.parse(text, models);
            return intake.accept(tenant, webhook, text)
                    .map(accepted -> Response.accepted(new WebhookAccepted(accepted.eventId().toString(),
                            accepted.shipmentId(), "accepted")).build());
        } catch (ProblemException refused) {
            meters.counter("carrierhub.intake.webhooks.refused", "status", Integer.toString(refused.problem().status()))
                    .increment();
            throw refused;
        }
    }

    /** The problem for a body over the limit, also given before the body is read (see WebhookSizeLimit). */
    static ProblemException tooLarge(long limit) {
        return new ProblemException(Status.REQUEST_ENTITY_TOO_LARGE, "webhook-too-large",
                "A webhook body may have at most " + limit + " bytes.");
    }

    private static String peer(HttpServerRequest request) {
        SocketAddress remote = request.remoteAddress();
        return remote == null ? null : remote.hostAddress();
    }

    /** The answer to Odoo (which ignores it) and to anyone replaying a webhook by hand. */
    public record WebhookAccepted(String eventId, String shipmentId, String status) {
    }
}
