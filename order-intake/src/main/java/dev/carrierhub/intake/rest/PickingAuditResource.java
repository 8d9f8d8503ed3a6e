package dev.carrierhub.intake.rest;

import dev.carrierhub.core.audit.AuditEntry;
import dev.carrierhub.core.problem.Problem;
import dev.carrierhub.core.problem.ProblemException;
import dev.carrierhub.intake.service.PickingAudit;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response.Status;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** A picking's audit trail for operators: every webhook accepted for it and every write-back outcome. */
@Path("/pickings/{tenant}/{pickingId}/audit")
@RolesAllowed("operator")
@Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
@APIResponse(responseCode = "401", description = "No or invalid bearer token", content = @Content(mediaType = Problem.MEDIA_TYPE))
@APIResponse(responseCode = "403", description = "No operator role, or another tenant's token",
        content = @Content(mediaType = Problem.MEDIA_TYPE))
public class PickingAuditResource {
    private final PickingAudit audit;
    private final SecurityIdentity identity;

    public PickingAuditResource(PickingAudit audit, SecurityIdentity identity) {
        this.audit = audit;
        this.identity = identity;
    }

    @GET
    @WithSession
    @Operation(summary = "The picking's audit trail, oldest first",
            description = "Webhooks received (webhook:RECEIVED) and write-backs (<kind>:SENT, <kind>:FAILED, replays).")
    @APIResponse(responseCode = "404", description = "Nothing is known of this picking",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Uni<List<AuditView>> audit(@PathParam("tenant") String tenant, @PathParam("pickingId") long pickingId) {
        if (!OperatorTenants.reaches(identity, tenant)) {
            throw new ForbiddenException("This token is not for tenant " + tenant + ".");
        }
        return audit.forPicking(tenant, pickingId).map(entries -> {
            if (entries.isEmpty()) {
                throw new ProblemException(Status.NOT_FOUND, "picking-not-found",
                        "Nothing is recorded for picking " + pickingId + " of tenant " + tenant + ".");
            }
            return entries.stream().map(AuditView::of).toList();
        });
    }

    /** One audit entry; {@code correlationId} is the shipment id. */
    public record AuditView(long id, String actor, Instant occurredAt, String fromState, String toState, String detail,
            String correlationId, String traceparent) {
        static AuditView of(AuditEntry e) {
            return new AuditView(e.id, e.actor, e.occurredAt, e.fromState, e.toState, e.detail, e.correlationId,
                    e.traceparent);
        }
    }
}
