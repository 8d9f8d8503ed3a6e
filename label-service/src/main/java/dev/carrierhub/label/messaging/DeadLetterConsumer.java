package dev.carrierhub.label.messaging;

import dev.carrierhub.core.deadletter.DeadLetters;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Keeps what label-service's consumers dead-lettered, so operators can read and replay it. Any record is
 * stored as it is: this consumer has nothing to refuse, so it never dead-letters itself.
 */
@ApplicationScoped
public class DeadLetterConsumer {
    private static final Logger LOG = Logger.getLogger(DeadLetterConsumer.class);
    private static final Duration FIRST_RETRY = Duration.ofSeconds(1);
    private static final Duration MAX_RETRY = Duration.ofSeconds(30);

    private final DeadLetters deadLetters;

    public DeadLetterConsumer(DeadLetters deadLetters) {
        this.deadLetters = deadLetters;
    }

    /**
     * A record is acknowledged only once it is stored. While the database refuses it, it is tried again
     * with back-off and later records wait behind it; the offset is not committed, so a restart reads it
     * again. Dropping it would lose the only copy an operator can replay.
     */
    @Incoming("shipment-rated-dead-letters")
    @Incoming("shipment-cancel-requested-dead-letters")
    public Uni<Void> onDeadLetter(ConsumerRecord<byte[], byte[]> record) {
        return deadLetters.store(record)
                .onFailure().invoke(e -> LOG.warnf("dead letter %s/%d@%d could not be stored, trying again: %s",
                        record.topic(), record.partition(), record.offset(), e.toString()))
                .onFailure().retry().withBackOff(FIRST_RETRY, MAX_RETRY).indefinitely()
                .replaceWithVoid();
    }
}
