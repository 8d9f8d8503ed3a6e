package dev.carrierhub.label.rest;

import dev.carrierhub.core.deadletter.DeadLetterView;
import dev.carrierhub.core.deadletter.DeadLetters;
import dev.carrierhub.core.deadletter.ReplayFailedException;
import dev.carrierhub.core.problem.Problem;
import dev.carrierhub.core.problem.ProblemException;
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
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** Records label-service's consumers dead-lettered, for operators to read, and the replay of one to its topic. */
@Path("/admin/dead-letters")
@RolesAllowed("operator")
@Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
@APIResponse(responseCode = "401", description = "No or invalid bearer token", content = @Content(mediaType = Problem.MEDIA_TYPE))
@APIResponse(responseCode = "403", description = "No operator role", content = @Content(mediaType = Problem.MEDIA_TYPE))
public class DeadLetterAdminResource {
    private static final int DEFAULT_LIMIT = 100;
    private static final int MAX_LIMIT = 1000;

    private final DeadLetters deadLetters;
    private final SecurityIdentity identity;

    public DeadLetterAdminResource(DeadLetters deadLetters, SecurityIdentity identity) {
        this.deadLetters = deadLetters;
        this.identity = identity;
    }

    @GET
    @Operation(summary = "Dead letters, newest first",
            description = "topic is the topic a record was first consumed from (e.g. shipment.rated); replayed is true "
                    + "or false; limit defaults to 100. The value shows as text when it is UTF-8 text, else as "
                    + "base64, and only its first " + DeadLetterView.MAX_VALUE_BYTES + " bytes.")
    @APIResponse(responseCode = "400", description = "A bad replayed or limit",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Uni<List<DeadLetterView>> list(@QueryParam("topic") String topic, @QueryParam("replayed") String replayed,
            @QueryParam("limit") String limit) {
        DeadLetters.Filter filter = new DeadLetters.Filter(topic == null || topic.isBlank() ? null : topic.strip(),
                replayed(replayed), limit(limit));
        return deadLetters.list(filter).map(letters -> letters.stream().map(DeadLetterView::of).toList());
    }

    @POST
    @Path("/{id}/replay")
    @Operation(summary = "Send a dead letter's original record to the topic it came from again",
            description = "Same key, value and headers, without the dead-letter ones, plus "
                    + "carrierhub-replay-of-dead-letter. May be repeated; each replay is counted and audited, and consumers are idempotent.")
    @APIResponse(responseCode = "200", description = "Sent; the dead letter with its replay counted")
    @APIResponse(responseCode = "404", description = "No such dead letter",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "409", description = "It is not known which topic the record came from",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "503", description = "Kafka did not take the record; nothing was recorded",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Uni<DeadLetterView> replay(@PathParam("id") String id) {
        long number = id(id);
        return deadLetters.replay(number, Operators.name(identity))
                .onFailure(IllegalStateException.class).transform(e ->
                        new ProblemException(Status.CONFLICT, "dead-letter-not-replayable", e.getMessage() + "."))
                .onFailure(ReplayFailedException.class).transform(e ->
                        new ProblemException(Status.SERVICE_UNAVAILABLE, "dead-letter-replay-failed",
                                "Kafka did not take the record; nothing was recorded. Try again."))
                .onItem().ifNull().failWith(() -> notFound(id))
                .map(DeadLetterView::of);
    }

    private static Boolean replayed(String replayed) {
        if (replayed == null || replayed.isBlank()) {
            return null;
        }
        return switch (replayed.strip().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new ProblemException(Status.BAD_REQUEST, "invalid-query",
                    "replayed is true or false; was '" + replayed + "'.");
        };
    }

    private static int limit(String limit) {
        if (limit == null || limit.isBlank()) {
            return DEFAULT_LIMIT;
        }
        try {
            int max = Integer.parseInt(limit.strip());
            if (max >= 1 && max <= MAX_LIMIT) {
                return max;
            }
        } catch (NumberFormatException e) {
            // answered below, like a number out of range
        }
        throw new ProblemException(Status.BAD_REQUEST, "invalid-query",
                "limit is 1.." + MAX_LIMIT + "; was '" + limit + "'.");
    }

    private static long id(String id) {
        try {
            return Long.parseLong(id);
        } catch (NumberFormatException e) {
            throw notFound(id);
        }
    }

    private static ProblemException notFound(String id) {
        return new ProblemException(Status.NOT_FOUND, "dead-letter-not-found", "No dead letter " + id + ".");
    }
}
