package dev.carrierhub.billing.rest;

import dev.carrierhub.billing.repository.ExpectedCost;
import dev.carrierhub.billing.repository.ExpectedCostRepository;
import dev.carrierhub.billing.service.Amounts;
import dev.carrierhub.contracts.shipment.Money;
import dev.carrierhub.core.problem.Problem;
import dev.carrierhub.core.problem.ProblemException;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response.Status;
import java.time.Instant;

/** Read side: what a shipment is expected to cost, as billing-reconciler will reconcile it. */
@Path("/shipments/{id}/expected-cost")
public class ExpectedCostResource {
    private final ExpectedCostRepository costs;

    public ExpectedCostResource(ExpectedCostRepository costs) {
        this.costs = costs;
    }

    @GET
    @WithSession
    @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
    public Uni<ExpectedCostView> get(@PathParam("id") String id) {
        return costs.findById(id)
                .onItem().ifNull().failWith(() -> new ProblemException(Status.NOT_FOUND, "expected-cost-not-found",
                        "No expected cost is recorded for shipment " + id + "."))
                .map(ExpectedCostView::of);
    }

    /** The JSON shape of {@link #get}; prices are {@code {amount, currency}} with exact decimal amounts. */
    public record ExpectedCostView(String shipmentId, String tenant, long pickingId, String pickingName,
            String carrier, String serviceCode, String carrierShipmentId, String trackingNumber, Money quotedPrice,
            Money bookedPrice, Instant labeledAt, Instant recordedAt) {
        static ExpectedCostView of(ExpectedCost c) {
            return new ExpectedCostView(c.shipmentId, c.tenant, c.pickingId, c.pickingName, c.carrier, c.serviceCode,
                    c.carrierShipmentId, c.trackingNumber, Amounts.money(c.quotedAmount, c.quotedCurrency),
                    Amounts.money(c.bookedAmount, c.bookedCurrency), c.labeledAt, c.recordedAt);
        }
    }
}
