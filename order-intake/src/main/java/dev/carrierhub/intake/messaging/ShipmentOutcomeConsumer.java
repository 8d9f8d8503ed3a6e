package dev.carrierhub.intake.messaging;

import dev.carrierhub.contracts.events.BillingDiscrepancy;
import dev.carrierhub.contracts.events.ShipmentException;
import dev.carrierhub.contracts.events.ShipmentLabeled;
import dev.carrierhub.contracts.events.TrackingUpdated;
import dev.carrierhub.core.inbox.IdempotentConsumer;
import dev.carrierhub.contracts.events.LabelDeferred;
import dev.carrierhub.contracts.events.ShipmentVoided;
import dev.carrierhub.core.inbox.IncomingEvent;
import dev.carrierhub.intake.service.WriteBackService;
import dev.carrierhub.intake.writeback.WriteBackWorker;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Takes labels, voids, deferrals, tracking milestones, exceptions and billing discrepancies from the other services, plans
 * the Odoo write-backs, and wakes the write-back worker once the plan has committed.
 */
@ApplicationScoped
public class ShipmentOutcomeConsumer {
    private final IdempotentConsumer idempotent;
    private final WriteBackService writeBacks;
    private final WriteBackWorker worker;

    public ShipmentOutcomeConsumer(IdempotentConsumer idempotent, WriteBackService writeBacks, WriteBackWorker worker) {
        this.idempotent = idempotent;
        this.writeBacks = writeBacks;
        this.worker = worker;
    }

    @Incoming("shipment-labeled")
    public Uni<Void> onLabeled(ConsumerRecord<String, byte[]> record) {
        IncomingEvent event = IncomingEvent.from(record);
        ShipmentLabeled labeled = event.payload(ShipmentLabeled.class);
        return plan("order-intake.shipment-labeled", event, () -> writeBacks.labeled(event.id(), labeled));
    }

    @Incoming("tracking-updated")
    public Uni<Void> onTracking(ConsumerRecord<String, byte[]> record) {
        IncomingEvent event = IncomingEvent.from(record);
        TrackingUpdated update = event.payload(TrackingUpdated.class);
        return plan("order-intake.tracking-updated", event, () -> writeBacks.tracked(event.id(), update));
    }

    @Incoming("shipment-exception")
    public Uni<Void> onException(ConsumerRecord<String, byte[]> record) {
        IncomingEvent event = IncomingEvent.from(record);
        ShipmentException exception = event.payload(ShipmentException.class);
        return plan("order-intake.shipment-exception", event, () -> writeBacks.exception(event.id(), exception));
    }

    @Incoming("billing-discrepancy")
    public Uni<Void> onDiscrepancy(ConsumerRecord<String, byte[]> record) {
        IncomingEvent event = IncomingEvent.from(record);
        BillingDiscrepancy discrepancy = event.payload(BillingDiscrepancy.class);
        return plan("order-intake.billing-discrepancy", event, () -> writeBacks.discrepancy(event.id(), discrepancy));
    }

    @Incoming("shipment-voided")
    public Uni<Void> onVoided(ConsumerRecord<String, byte[]> record) {
        IncomingEvent event = IncomingEvent.from(record);
        ShipmentVoided voided = event.payload(ShipmentVoided.class);
        return plan("order-intake.shipment-voided", event, () -> writeBacks.voided(event.id(), voided));
    }

    @Incoming("label-deferred")
    public Uni<Void> onDeferred(ConsumerRecord<String, byte[]> record) {
        IncomingEvent event = IncomingEvent.from(record);
        LabelDeferred deferred = event.payload(LabelDeferred.class);
        return plan("order-intake.label-deferred", event, () -> writeBacks.deferred(event.id(), deferred));
    }

    private Uni<Void> plan(String consumer, IncomingEvent event, Supplier<Uni<?>> effect) {
        return idempotent.consume(consumer, event, effect).invoke(worker::nudge).replaceWithVoid();
    }
}
