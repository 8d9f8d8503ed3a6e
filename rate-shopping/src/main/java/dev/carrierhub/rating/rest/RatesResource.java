package dev.carrierhub.rating.rest;

import dev.carrierhub.contracts.events.Quote;
import dev.carrierhub.core.problem.Problem;
import dev.carrierhub.rating.client.CarrierAnswer;
import dev.carrierhub.rating.service.Rating;
import dev.carrierhub.rating.service.RatingService;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** Real-time rate look-ups for order promising: the same rating the consumer does, without publishing. */
@Path("/rates")
public class RatesResource {
    private final RatingService rating;
    private final ShipmentReader reader = new ShipmentReader();

    public RatesResource(RatingService rating) {
        this.rating = rating;
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
    @Operation(summary = "Rate a shipment",
            description = "Asks every configured carrier in parallel and ranks the quotes with the routing policy. "
                    + "A carrier that fails or is slow is listed under carriers and left out of quotes.")
    @APIResponse(responseCode = "200", description = "Ranked quotes, best first (empty when no carrier quoted)")
    @APIResponse(responseCode = "400", description = "Not JSON, or not a canonical shipment",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Uni<RatesView> rate(String body) {
        return rating.rate(reader.read(body)).map(RatesView::of);
    }

    /** The JSON shape of {@link #rate}: {@code quotes[0]} is the policy's choice. */
    public record RatesView(String shipmentId, String policy, List<Quote> quotes, List<CarrierView> carriers,
            Instant ratedAt) {
        static RatesView of(Rating rating) {
            return new RatesView(rating.shipment().shipmentId(), rating.policy(), rating.ranked(),
                    rating.answers().stream().map(CarrierView::of).toList(), rating.ratedAt());
        }
    }

    /** How one carrier answered. */
    public record CarrierView(String carrier, String outcome, int quotes, String detail) {
        static CarrierView of(CarrierAnswer answer) {
            return new CarrierView(answer.carrier(), answer.outcome().tag(), answer.quotes().size(), answer.detail());
        }
    }
}
