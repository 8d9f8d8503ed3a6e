package dev.carrierhub.label.messaging;

import dev.carrierhub.contracts.events.ShipmentCancelRequested;
import dev.carrierhub.core.inbox.IdempotentConsumer;
import dev.carrierhub.core.inbox.IncomingEvent;
import dev.carrierhub.label.service.BookingWorker;
import dev.carrierhub.label.service.VoidRequests;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Takes pickings cancelled in Odoo and voids their labels (or cancels bookings not made yet). */
@ApplicationScoped
public class ShipmentCancelRequestedConsumer {
    static final String CONSUMER = "label-service.shipment-cancel-requested";

    private final IdempotentConsumer idempotent;
    private final VoidRequests voids;
    private final BookingWorker worker;

    public ShipmentCancelRequestedConsumer(IdempotentConsumer idempotent, VoidRequests voids, BookingWorker worker) {
        this.idempotent = idempotent;
        this.voids = voids;
        this.worker = worker;
    }

    @Incoming("shipment-cancel-requested")
    public Uni<Void> onCancelRequested(ConsumerRecord<String, byte[]> record) {
        IncomingEvent event = IncomingEvent.from(record);
        ShipmentCancelRequested cancel = event.payload(ShipmentCancelRequested.class);
        return idempotent.consume(CONSUMER, event, () -> voids.cancel(event.id(), cancel.shipmentId(), cancel.reason()))
                .invoke(worker::nudge)
                .replaceWithVoid();
    }
}
