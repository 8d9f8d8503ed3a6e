package dev.carrierhub.label.rest;

import dev.carrierhub.core.problem.Problem;
import dev.carrierhub.core.problem.ProblemException;
import dev.carrierhub.label.repository.Booking;
import dev.carrierhub.label.service.BookingOperations;
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

/** Parked (DEFERRED) and FAILED bookings for operators, and the retry of one once its cause is fixed. */
@Path("/admin/bookings")
@RolesAllowed("operator")
@Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
@APIResponse(responseCode = "401", description = "No or invalid bearer token", content = @Content(mediaType = Problem.MEDIA_TYPE))
@APIResponse(responseCode = "403", description = "No operator role", content = @Content(mediaType = Problem.MEDIA_TYPE))
public class BookingAdminResource {
    private static final int DEFAULT_LIMIT = 100;
    private static final int MAX_LIMIT = 1000;

    private final BookingOperations operations;
    private final SecurityIdentity identity;

    public BookingAdminResource(BookingOperations operations, SecurityIdentity identity) {
        this.operations = operations;
        this.identity = identity;
    }

    @GET
    @Operation(summary = "Bookings in one state, the longest unchanged first",
            description = "state defaults to DEFERRED; any booking state is accepted. limit defaults to 100.")
    @APIResponse(responseCode = "400", description = "An unknown state or a bad limit",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Uni<List<ShipmentLabelResource.BookingView>> list(@QueryParam("state") String state,
            @QueryParam("limit") Integer limit) {
        Booking.State wanted = state(state);
        int max = limit == null ? DEFAULT_LIMIT : limit;
        if (max < 1 || max > MAX_LIMIT) {
            throw new ProblemException(Status.BAD_REQUEST, "invalid-query", "limit is 1.." + MAX_LIMIT + ", was " + max + ".");
        }
        return operations.list(wanted, max)
                .map(rows -> rows.stream().map(b -> ShipmentLabelResource.BookingView.of(b, List.of())).toList());
    }

    @POST
    @Path("/{id}/retry")
    @Operation(summary = "Retry a DEFERRED or FAILED booking now",
            description = "Starts a new round of attempts; the carrier is first asked for a booking made under the key.")
    @APIResponse(responseCode = "200", description = "Queued again; booked shortly")
    @APIResponse(responseCode = "404", description = "No such booking", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "409", description = "The booking is neither DEFERRED nor FAILED",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Uni<ShipmentLabelResource.BookingView> retry(@PathParam("id") String id) {
        return operations.retry(id, Operators.name(identity))
                .onFailure(IllegalStateException.class).transform(e ->
                        new ProblemException(Status.CONFLICT, "booking-not-retryable", e.getMessage() + "."))
                .onItem().ifNull().failWith(() -> new ProblemException(Status.NOT_FOUND, "booking-not-found",
                        "No booking for shipment " + id + "."))
                .map(b -> ShipmentLabelResource.BookingView.of(b, List.of()));
    }

    private static Booking.State state(String state) {
        if (state == null || state.isBlank()) {
            return Booking.State.DEFERRED;
        }
        try {
            return Booking.State.valueOf(state.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ProblemException(Status.BAD_REQUEST, "invalid-query",
                    "state is one of " + List.of(Booking.State.values()) + "; was '" + state + "'.");
        }
    }
}
