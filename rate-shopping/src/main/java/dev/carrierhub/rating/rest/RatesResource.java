package dev.carrierhub.rating.rest;

import dev.carrierhub.contracts.events.Quote;
import dev.carrierhub.core.problem.Problem;
import dev.carrierhub.rating.client.CarrierAnswer;
import dev.carrierhub.rating.service.RateLookupService;
import dev.carrierhub.rating.service.Rating;
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
    private final RateLookupService lookups;
    private final ShipmentReader reader = new ShipmentReader();

    public RatesResource(RateLookupService lookups) {
        this.lookups = lookups;
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
    @Operation(summary = "Rate a shipment",
            description = "Asks every eligible carrier in parallel under the rating deadline and ranks the quotes with "
                    + "the tenant's routing policy. A carrier that is excluded, fails or is late is listed under "
                    + "carriers and left out of quotes. Answers are cached briefly per tenant and normalised request.")
    @APIResponse(responseCode = "200", description = "Ranked quotes, best first (empty when there is no choice)")
    @APIResponse(responseCode = "400", description = "Not JSON, or not a canonical shipment",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Uni<RatesView> rate(String body) {
        return lookups.rate(reader.read(body)).map(lookup -> RatesView.of(lookup.rating(), lookup.cached()));
    }

    /** The JSON shape of {@link #rate}: {@code quotes[0]} is the policy's choice and {@code reason} says why. */
    public record RatesView(String shipmentId, String policy, String reason, List<Quote> quotes,
            List<RejectedView> rejected, List<CarrierView> carriers, Instant ratedAt, boolean cached) {
        static RatesView of(Rating rating, boolean cached) {
            return new RatesView(rating.shipment().shipmentId(), rating.policy(), rating.reason(), rating.ranked(),
                    rating.rejected().stream().map(r -> new RejectedView(r.quote(), r.reason())).toList(),
                    rating.answers().stream().map(CarrierView::of).toList(), rating.ratedAt(), cached);
        }
    }

    /** A quote the policy would not take, and why. */
    public record RejectedView(Quote quote, String reason) {
    }

    /** How one carrier answered, or why it was not asked. */
    public record CarrierView(String carrier, String outcome, int quotes, String detail) {
        static CarrierView of(CarrierAnswer answer) {
            return new CarrierView(answer.carrier(), answer.outcome().tag(), answer.quotes().size(), answer.detail());
        }
    }
}
