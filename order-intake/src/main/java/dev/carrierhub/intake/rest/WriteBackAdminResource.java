package dev.carrierhub.intake.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.carrierhub.contracts.Json;
import dev.carrierhub.core.problem.Problem;
import dev.carrierhub.core.problem.ProblemException;
import dev.carrierhub.intake.repository.OdooWriteBack;
import dev.carrierhub.intake.writeback.WriteBackOperations;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response.Status;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * The Odoo write-backs for operators: what is planned, sent and FAILED (with why), and the replay of a
 * FAILED one once its cause is fixed. A token that names its tenants sees and replays only theirs.
 */
@Path("/admin/writebacks")
@RolesAllowed("operator")
@Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
@APIResponse(responseCode = "401", description = "No or invalid bearer token", content = @Content(mediaType = Problem.MEDIA_TYPE))
@APIResponse(responseCode = "403", description = "No operator role, or another tenant's token",
        content = @Content(mediaType = Problem.MEDIA_TYPE))
public class WriteBackAdminResource {
    private static final int DEFAULT_LIMIT = 100;
    private static final int MAX_LIMIT = 1000;

    private final WriteBackOperations operations;
    private final SecurityIdentity identity;

    public WriteBackAdminResource(WriteBackOperations operations, SecurityIdentity identity) {
        this.operations = operations;
        this.identity = identity;
    }

    @GET
    @Operation(summary = "Write-backs, newest first",
            description = "Narrow with status (PLANNED, SENT, FAILED), tenant and pickingId; limit defaults to 100.")
    @APIResponse(responseCode = "400", description = "An unknown status or a bad limit",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Uni<List<WriteBackView>> list(@QueryParam("status") String status, @QueryParam("tenant") String tenant,
            @QueryParam("pickingId") Long pickingId, @QueryParam("limit") Integer limit) {
        OdooWriteBack.Status wanted = status(status);
        int max = limit == null ? DEFAULT_LIMIT : limit;
        if (max < 1 || max > MAX_LIMIT) {
            throw new ProblemException(Status.BAD_REQUEST, "invalid-query", "limit is 1.." + MAX_LIMIT + ", was " + max + ".");
        }
        Optional<Set<String>> scope = OperatorTenants.of(identity);
        Set<String> tenants = scope.orElse(null);
        if (tenant != null) {
            if (scope.isPresent() && !scope.get().contains(tenant)) {
                throw new ForbiddenException("This token is not for tenant " + tenant + ".");
            }
            tenants = Set.of(tenant);
        }
        return operations.list(wanted, tenants, pickingId, max)
                .map(rows -> rows.stream().map(WriteBackView::of).toList());
    }

    @POST
    @Path("/{id}/replay")
    @Operation(summary = "Replay a FAILED write-back",
            description = "Puts it back at the head of its picking's queue; the writes held behind it follow once it is sent.")
    @APIResponse(responseCode = "200", description = "Planned again; sent shortly")
    @APIResponse(responseCode = "404", description = "No such write-back", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "409", description = "The write-back is not FAILED", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Uni<WriteBackView> replay(@PathParam("id") String id) {
        UUID uuid;
        try {
            uuid = UUID.fromString(id);
        } catch (IllegalArgumentException notAUuid) {
            throw new ProblemException(Status.NOT_FOUND, "writeback-not-found", "No write-back " + id + ".");
        }
        return operations.replay(uuid, OperatorTenants.name(identity), tenant -> OperatorTenants.reaches(identity, tenant))
                .map(WriteBackView::of);
    }

    private static OdooWriteBack.Status status(String status) {
        if (status == null || status.isBlank()) {
            return null;
        }
        try {
            return OdooWriteBack.Status.valueOf(status.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ProblemException(Status.BAD_REQUEST, "invalid-query",
                    "status is one of PLANNED, SENT, FAILED; was '" + status + "'.");
        }
    }

    /** One write-back as operators see it. {@code nextAttemptAt} only while it is PLANNED. */
    public record WriteBackView(UUID id, String idempotencyKey, String shipmentId, String tenant, long pickingId,
            String kind, String model, String method, String status, String failure, String lastError, int attempts,
            int replays, boolean outcomeUnknown, Long odooResultId, Instant plannedAt, Instant nextAttemptAt,
            Instant firstAttemptAt, Instant sentAt, Instant failedAt, Instant deadLetteredAt, JsonNode payload) {
        static WriteBackView of(OdooWriteBack w) {
            return new WriteBackView(w.id, w.idempotencyKey, w.shipmentId, w.tenant, w.pickingId, w.kind, w.model,
                    w.method, w.status.name(), w.failure == null ? null : w.failure.name(), w.lastError, w.attempts,
                    w.replays, w.outcomeUnknown, w.odooResultId, w.plannedAt,
                    w.status == OdooWriteBack.Status.PLANNED ? w.nextAttemptAt : null, w.firstAttemptAt, w.sentAt,
                    w.failedAt, w.deadLetteredAt, json(w.payload));
        }

        private static JsonNode json(String payload) {
            try {
                return Json.mapper().readTree(payload);
            } catch (JsonProcessingException e) {
                return Json.mapper().getNodeFactory().textNode(payload);
            }
        }
    }
}
