package dev.carrierhub.rating.messaging;

import dev.carrierhub.contracts.events.ShipmentRequested;
import dev.carrierhub.core.inbox.IdempotentConsumer;
import dev.carrierhub.core.inbox.IncomingEvent;
import dev.carrierhub.rating.service.RatingDecisionService;
import dev.carrierhub.rating.service.RatingService;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Rates every requested shipment and publishes the choice (or the exception) exactly once per event. */
@ApplicationScoped
public class ShipmentRequestedConsumer {
    static final String CONSUMER = "rate-shopping.shipment-requested";

    private final IdempotentConsumer idempotent;
    private final RatingService rating;
    private final RatingDecisionService decisions;
    private final RatingOverheadTimer overhead;

    public ShipmentRequestedConsumer(IdempotentConsumer idempotent, RatingService rating,
            RatingDecisionService decisions, RatingOverheadTimer overhead) {
        this.idempotent = idempotent;
        this.rating = rating;
        this.decisions = decisions;
        this.overhead = overhead;
    }

    @Incoming("shipment-requested")
    public Uni<Void> onRequested(ConsumerRecord<String, byte[]> record) {
        long received = System.nanoTime();
        IncomingEvent event = IncomingEvent.from(record);
        ShipmentRequested requested = event.payload(ShipmentRequested.class);
        // Carriers are asked before the transaction opens, so no connection is held during HTTP calls. A
        // redelivered event is rated again (rating only reads) and then skipped by the idempotent consumer.
        return rating.rate(requested.shipment())
                .chain(rated -> idempotent.consume(CONSUMER, event,
                                () -> decisions.record(event.id(), rated, rating.deadline(), requested.requestedAt()))
                        .invoke(() -> overhead.record(Duration.ofNanos(System.nanoTime() - received),
                                rated.carrierTime())))
                .replaceWithVoid();
    }
}
