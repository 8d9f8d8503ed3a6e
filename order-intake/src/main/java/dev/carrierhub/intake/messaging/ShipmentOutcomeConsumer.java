package dev.carrierhub.intake.messaging;

import dev.carrierhub.contracts.events.ShipmentException;
import dev.carrierhub.contracts.events.ShipmentLabeled;
import dev.carrierhub.contracts.events.TrackingUpdated;
import dev.carrierhub.core.inbox.IdempotentConsumer;
import dev.carrierhub.core.inbox.IncomingEvent;
import dev.carrierhub.intake.service.WriteBackService;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Takes labels, tracking milestones and exceptions from the other services and plans the Odoo write-backs. */
@ApplicationScoped
public class ShipmentOutcomeConsumer {
    private final IdempotentConsumer idempotent;
    private final WriteBackService writeBacks;

    public ShipmentOutcomeConsumer(IdempotentConsumer idempotent, WriteBackService writeBacks) {
        this.idempotent = idempotent;
        this.writeBacks = writeBacks;
    }

    @Incoming("shipment-labeled")
    public Uni<Void> onLabeled(ConsumerRecord<String, byte[]> record) {
        IncomingEvent event = IncomingEvent.from(record);
        ShipmentLabeled labeled = event.payload(ShipmentLabeled.class);
        return idempotent.consume("order-intake.shipment-labeled", event, () -> writeBacks.labeled(event.id(), labeled))
                .replaceWithVoid();
    }

    @Incoming("tracking-updated")
    public Uni<Void> onTracking(ConsumerRecord<String, byte[]> record) {
        IncomingEvent event = IncomingEvent.from(record);
        TrackingUpdated update = event.payload(TrackingUpdated.class);
        return idempotent.consume("order-intake.tracking-updated", event, () -> writeBacks.tracked(event.id(), update))
                .replaceWithVoid();
    }

    @Incoming("shipment-exception")
    public Uni<Void> onException(ConsumerRecord<String, byte[]> record) {
        IncomingEvent event = IncomingEvent.from(record);
        ShipmentException exception = event.payload(ShipmentException.class);
        return idempotent.consume("order-intake.shipment-exception", event,
                () -> writeBacks.exception(event.id(), exception)).replaceWithVoid();
    }
}
