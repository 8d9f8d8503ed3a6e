package dev.carrierhub.tracking.messaging;

import dev.carrierhub.contracts.events.ShipmentLabeled;
import dev.carrierhub.core.inbox.IdempotentConsumer;
import dev.carrierhub.core.inbox.IncomingEvent;
import dev.carrierhub.tracking.service.TrackerRegistrar;
import dev.carrierhub.tracking.service.TrackerService;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Takes labels from label-service: each one starts tracking its shipment. */
@ApplicationScoped
public class ShipmentLabeledConsumer {
    private final IdempotentConsumer idempotent;
    private final TrackerService trackers;
    private final TrackerRegistrar registrar;

    public ShipmentLabeledConsumer(IdempotentConsumer idempotent, TrackerService trackers, TrackerRegistrar registrar) {
        this.idempotent = idempotent;
        this.trackers = trackers;
        this.registrar = registrar;
    }

    @Incoming("shipment-labeled")
    public Uni<Void> onLabeled(ConsumerRecord<String, byte[]> record) {
        IncomingEvent event = IncomingEvent.from(record);
        ShipmentLabeled labeled = event.payload(ShipmentLabeled.class);
        return idempotent.consume("tracking-service.shipment-labeled", event, () -> trackers.track(labeled))
                // The tracker is committed: register it with the carrier now rather than at the next poll.
                .invoke(registrar::nudge)
                .replaceWithVoid();
    }
}
