package dev.carrierhub.intake.rest;

import dev.carrierhub.core.problem.Problem;
import dev.carrierhub.core.problem.ProblemException;
import dev.carrierhub.core.tracing.TracedWork;
import dev.carrierhub.intake.config.TenantsConfig;
import dev.carrierhub.intake.service.SweepReport;
import dev.carrierhub.intake.service.SweepService;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response.Status;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** Runs the sweep for dropped webhooks of one tenant now, instead of waiting for the next scheduled one. */
@Path("/admin/tenants/{tenant}/sweep")
@RolesAllowed("operator")
@Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
@APIResponse(responseCode = "401", description = "No or invalid bearer token", content = @Content(mediaType = Problem.MEDIA_TYPE))
@APIResponse(responseCode = "403", description = "No operator role, or another tenant's token",
        content = @Content(mediaType = Problem.MEDIA_TYPE))
public class SweepAdminResource {
    private final SweepService sweep;
    private final TenantsConfig tenants;
    private final SecurityIdentity identity;
    private final TracedWork tracedWork;

    public SweepAdminResource(SweepService sweep, TenantsConfig tenants, SecurityIdentity identity,
            TracedWork tracedWork) {
        this.sweep = sweep;
        this.tenants = tenants;
        this.identity = identity;
        this.tracedWork = tracedWork;
    }

    @POST
    @Operation(summary = "Sweep one tenant's Odoo now",
            description = "Lists the outgoing pickings changed since the watermark that are ready or cancelled, and queues "
                    + "the ones no webhook brought. skipped=true: another replica is sweeping this tenant right now.")
    @APIResponse(responseCode = "200", description = "What the sweep found and queued")
    @APIResponse(responseCode = "404", description = "No such tenant", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "502", description = "The tenant's Odoo could not be asked",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Uni<SweepReport> sweep(@PathParam("tenant") String tenant) {
        if (!OperatorTenants.reaches(identity, tenant)) {
            throw new ForbiddenException("this token does not reach tenant " + tenant);
        }
        if (tenants.tenant(tenant).isEmpty()) {
            throw new ProblemException(Problem.of(Status.NOT_FOUND, "unknown-tenant",
                    "there is no tenant " + tenant));
        }
        return tracedWork.runUntraced(() -> sweep.sweep(tenant))
                .onFailure(failure -> !(failure instanceof ProblemException))
                .transform(failure -> new ProblemException(Problem.of(Status.BAD_GATEWAY,
                        "odoo-unavailable", "the sweep of " + tenant + " failed: " + failure.getMessage())));
    }
}
