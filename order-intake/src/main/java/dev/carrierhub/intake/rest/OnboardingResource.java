package dev.carrierhub.intake.rest;

import dev.carrierhub.core.problem.Problem;
import dev.carrierhub.core.problem.ProblemException;
import dev.carrierhub.core.problem.UnprocessableContent;
import dev.carrierhub.intake.config.TenantsConfig;
import dev.carrierhub.intake.service.TenantOnboarding;
import dev.carrierhub.odoo.client.OdooAccessException;
import dev.carrierhub.odoo.client.OdooException;
import dev.carrierhub.odoo.onboarding.OdooOnboardingException;
import dev.carrierhub.odoo.onboarding.OnboardingReport;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response.Status;
import java.util.Locale;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * Onboarding a tenant's Odoo: checks the connection and the version, then creates or updates, idempotently,
 * the automation rules that send the intake its webhooks, and reports what it did.
 */
@Path("/admin/tenants/{tenant}/onboarding")
@RolesAllowed("operator")
@Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
@APIResponse(responseCode = "401", description = "No or invalid bearer token", content = @Content(mediaType = Problem.MEDIA_TYPE))
@APIResponse(responseCode = "403", description = "No operator role, or another tenant's token",
        content = @Content(mediaType = Problem.MEDIA_TYPE))
public class OnboardingResource {
    private static final Set<String> PROTOCOLS = Set.of("JSON_RPC", "JSON_2");

    private final TenantOnboarding onboarding;
    private final SecurityIdentity identity;

    public OnboardingResource(TenantOnboarding onboarding, SecurityIdentity identity) {
        this.onboarding = onboarding;
        this.identity = identity;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create or update the tenant's automation rules in its Odoo",
            description = "Running it again changes nothing unless something differs (a rotated token, an archived "
                    + "rule, another intake URL). Odoo settings left out are the tenant's configured ones.")
    @APIResponse(responseCode = "200", description = "What was created, updated or found unchanged")
    @APIResponse(responseCode = "400", description = "No intakeUrl, or an unknown protocol",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "404", description = "No such tenant", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "422", description = "Odoo refused the key, or lacks what the rules need (too old, no "
            + "Inventory app)", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "502", description = "Odoo could not be reached or failed",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Uni<OnboardingReport> onboard(@PathParam("tenant") String tenant, OnboardingRequest request) {
        if (!OperatorTenants.reaches(identity, tenant)) {
            throw new ForbiddenException("this token does not reach tenant " + tenant);
        }
        TenantsConfig.Tenant configured = onboarding.tenant(tenant).orElseThrow(() -> new ProblemException(
                Status.NOT_FOUND, "unknown-tenant", "there is no tenant " + tenant
                        + ": configure its webhook token and Odoo settings first"));
        if (request == null || request.intakeUrl() == null || !request.intakeUrl().isAbsolute()) {
            throw new ProblemException(Status.BAD_REQUEST, "invalid-onboarding-request",
                    "intakeUrl, the absolute URL at which Odoo reaches this intake, is required");
        }
        if (request.protocol() != null
                && !PROTOCOLS.contains(request.protocol().strip().toUpperCase(Locale.ROOT).replace('-', '_'))) {
            throw new ProblemException(Status.BAD_REQUEST, "invalid-onboarding-request",
                    "protocol is JSON_RPC or JSON_2, was " + request.protocol());
        }
        return onboarding.onboard(configured, tenant, request).onFailure().transform(OnboardingResource::problem);
    }

    private static Throwable problem(Throwable failure) {
        if (failure instanceof OdooOnboardingException) {
            return new ProblemException(UnprocessableContent.STATUS, "odoo-not-ready", failure.getMessage());
        }
        if (failure instanceof OdooAccessException) {
            return new ProblemException(UnprocessableContent.STATUS, "odoo-access-denied",
                    "Odoo refused the API key or the user's rights: " + failure.getMessage());
        }
        if (failure instanceof OdooException) {
            return new ProblemException(Status.BAD_GATEWAY, "odoo-unavailable", failure.getMessage());
        }
        return failure;
    }
}
