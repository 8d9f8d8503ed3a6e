package dev.carrierhub.label.messaging;

import dev.carrierhub.contracts.events.ShipmentRated;
import dev.carrierhub.core.inbox.IdempotentConsumer;
import dev.carrierhub.core.inbox.IncomingEvent;
import dev.carrierhub.label.service.BookingRequestService;
import dev.carrierhub.label.service.BookingWorker;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Takes rated shipments and queues their booking; the carrier is called after the commit, by the worker. */
@ApplicationScoped
public class ShipmentRatedConsumer {
    static final String CONSUMER = "label-service.shipment-rated";

    private final IdempotentConsumer idempotent;
    private final BookingRequestService requests;
    private final BookingWorker worker;

    public ShipmentRatedConsumer(IdempotentConsumer idempotent, BookingRequestService requests, BookingWorker worker) {
        this.idempotent = idempotent;
        this.requests = requests;
        this.worker = worker;
    }

    @Incoming("shipment-rated")
    public Uni<Void> onRated(ConsumerRecord<String, byte[]> record) {
        IncomingEvent event = IncomingEvent.from(record);
        ShipmentRated rated = event.payload(ShipmentRated.class);
        return idempotent.consume(CONSUMER, event, () -> requests.request(event.id(), rated))
                .invoke(worker::nudge)
                .replaceWithVoid();
    }
}
