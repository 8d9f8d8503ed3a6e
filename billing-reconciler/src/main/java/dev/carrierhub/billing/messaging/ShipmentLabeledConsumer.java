package dev.carrierhub.billing.messaging;

import dev.carrierhub.billing.service.ExpectedCostService;
import dev.carrierhub.contracts.events.ShipmentLabeled;
import dev.carrierhub.core.inbox.IdempotentConsumer;
import dev.carrierhub.core.inbox.IncomingEvent;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Takes labels from label-service: each one sets what its shipment should cost. */
@ApplicationScoped
public class ShipmentLabeledConsumer {
    private final IdempotentConsumer idempotent;
    private final ExpectedCostService costs;

    public ShipmentLabeledConsumer(IdempotentConsumer idempotent, ExpectedCostService costs) {
        this.idempotent = idempotent;
        this.costs = costs;
    }

    @Incoming("shipment-labeled")
    public Uni<Void> onLabeled(ConsumerRecord<String, byte[]> record) {
        IncomingEvent event = IncomingEvent.from(record);
        ShipmentLabeled labeled = event.payload(ShipmentLabeled.class);
        return idempotent.consume("billing-reconciler.shipment-labeled", event, () -> costs.record(labeled))
                .replaceWithVoid();
    }
}
