package dev.carrierhub.rating.messaging;

import dev.carrierhub.contracts.events.ShipmentRequested;
import dev.carrierhub.core.inbox.IdempotentConsumer;
import dev.carrierhub.core.inbox.IncomingEvent;
import dev.carrierhub.core.tracing.TraceContext;
import dev.carrierhub.core.tracing.TracedWork;
import dev.carrierhub.core.work.KeyedLanes;
import dev.carrierhub.rating.config.RatingConfig;
import dev.carrierhub.rating.service.RatingDecisionService;
import dev.carrierhub.rating.service.RatingService;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.concurrent.CompletionStage;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Rates every requested shipment and publishes the choice (or the exception) exactly once per event.
 *
 * <p>Most of a rating is spent waiting for carriers, so shipments are rated side by side
 * ({@code carrierhub.rating.consumer.max-in-flight} at most) and spread over the event loops, the events of one
 * shipment in the order they came.
 * Each record is acknowledged when its own rating is recorded, or sent to the dead-letter topic when it fails;
 * the committed offset never passes a record still being rated.
 */
@ApplicationScoped
public class ShipmentRequestedConsumer {
    static final String CONSUMER = "rate-shopping.shipment-requested";

    private final IdempotentConsumer idempotent;
    private final RatingService rating;
    private final RatingDecisionService decisions;
    private final RatingOverheadTimer overhead;
    private final KeyedLanes lanes;
    private final TracedWork work;

    public ShipmentRequestedConsumer(IdempotentConsumer idempotent, RatingService rating,
            RatingDecisionService decisions, RatingOverheadTimer overhead, RatingConfig config, TracedWork work) {
        this.idempotent = idempotent;
        this.rating = rating;
        this.decisions = decisions;
        this.overhead = overhead;
        this.lanes = new KeyedLanes(config.consumer().maxInFlight());
        this.work = work;
    }

    /** Returns as soon as the next record may be handed in; the record's own outcome is its ack or nack. */
    @Incoming("shipment-requested")
    public CompletionStage<Void> onRequested(Message<byte[]> message) {
        ConsumerRecord<String, byte[]> record = message.getMetadata(IncomingKafkaRecordMetadata.class)
                .map(metadata -> this.<byte[]>consumerRecord(metadata))
                .orElseThrow(() -> new IllegalStateException("shipment-requested is read from Kafka"));
        String lane = record.key() == null ? "" : record.key();
        // Read here, on the record's own context, where the consumer's span is the current one.
        TraceContext trace = TraceContext.current();
        return lanes.submit(lane, () -> work.runOnNextEventLoop("rate shipment", trace, () -> rate(record))
                .subscribeAsCompletionStage()
                .handle((done, failure) -> failure == null ? message.ack() : message.nack(failure))
                .thenCompose(settled -> settled));
    }

    private Uni<Void> rate(ConsumerRecord<String, byte[]> record) {
        return Uni.createFrom().deferred(() -> {
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
        });
    }

    @SuppressWarnings("unchecked")
    private <T> ConsumerRecord<String, T> consumerRecord(IncomingKafkaRecordMetadata<?, ?> metadata) {
        return (ConsumerRecord<String, T>) metadata.getRecord();
    }
}
