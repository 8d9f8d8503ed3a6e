package dev.carrierhub.billing.service;

import dev.carrierhub.billing.repository.ExpectedCost;
import dev.carrierhub.billing.repository.ExpectedCostRepository;
import dev.carrierhub.contracts.events.ShipmentLabeled;
import dev.carrierhub.core.inbox.PoisonEventException;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.Instant;
import org.jboss.logging.Logger;

/**
 * Records the expected cost of a labeled shipment. Runs inside the idempotent consumer's transaction, so
 * one event is recorded once; a later label of the same shipment (relabel after a void) replaces the
 * earlier one, an older one arriving late is ignored.
 */
@ApplicationScoped
public class ExpectedCostService {
    private static final Logger LOG = Logger.getLogger(ExpectedCostService.class);

    private final ExpectedCostRepository costs;
    private final MeterRegistry meters;

    public ExpectedCostService(ExpectedCostRepository costs, MeterRegistry meters) {
        this.costs = costs;
        this.meters = meters;
    }

    public Uni<Void> record(ShipmentLabeled labeled) {
        return costs.lock(labeled.shipmentId()).chain(existing -> {
            if (existing == null) {
                ExpectedCost cost = new ExpectedCost();
                cost.shipmentId = labeled.shipmentId();
                apply(cost, labeled);
                count(labeled, "recorded");
                return costs.persist(cost).replaceWithVoid();
            }
            if (!labeled.labeledAt().isAfter(existing.labeledAt)) {
                LOG.infof("shipment %s: ignoring a label from %s, the expected cost already follows one from %s",
                        labeled.shipmentId(), labeled.labeledAt(), existing.labeledAt);
                count(labeled, "stale");
                return Uni.createFrom().voidItem();
            }
            apply(existing, labeled);
            count(labeled, "replaced");
            return Uni.createFrom().voidItem();
        });
    }

    private static void apply(ExpectedCost cost, ShipmentLabeled labeled) {
        cost.tenant = labeled.picking().tenant();
        cost.pickingId = labeled.picking().pickingId();
        cost.pickingName = labeled.picking().pickingName();
        cost.pickingOrigin = labeled.picking().origin();
        cost.carrier = labeled.carrier();
        cost.serviceCode = labeled.serviceCode();
        cost.carrierShipmentId = labeled.carrierShipmentId();
        cost.trackingNumber = labeled.trackingNumber();
        cost.bookedAmount = storable(labeled, labeled.price().amount());
        cost.bookedCurrency = labeled.price().currency();
        cost.quotedAmount = labeled.quotedPrice() == null ? null : storable(labeled, labeled.quotedPrice().amount());
        cost.quotedCurrency = labeled.quotedPrice() == null ? null : labeled.quotedPrice().currency();
        cost.labeledAt = labeled.labeledAt();
        cost.recordedAt = Instant.now();
    }

    private static BigDecimal storable(ShipmentLabeled labeled, BigDecimal amount) {
        try {
            return Amounts.storable(amount);
        } catch (IllegalArgumentException tooPrecise) {
            // Redelivery will not change the amount: the event goes to the dead-letter topic for a person.
            throw new PoisonEventException("shipment " + labeled.shipmentId() + ": " + tooPrecise.getMessage(), tooPrecise);
        }
    }

    private void count(ShipmentLabeled labeled, String outcome) {
        meters.counter("carrierhub.billing.expected-costs", "carrier", labeled.carrier(), "outcome", outcome)
                .increment();
    }
}
