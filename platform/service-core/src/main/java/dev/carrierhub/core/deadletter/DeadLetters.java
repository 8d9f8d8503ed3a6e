package dev.carrierhub.core.deadletter;

import dev.carrierhub.core.audit.AuditTrail;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.jboss.logging.Logger;

/**
 * A service's dead letters: stores what its dead-letter topics receive, lists them for operators, and
 * replays one to the topic it came from with its original key, value and headers.
 */
@ApplicationScoped
public class DeadLetters {
    /** Entity type of replays in the audit trail. */
    public static final String ENTITY_TYPE = "dead-letter";
    private static final Logger LOG = Logger.getLogger(DeadLetters.class);
    private static final int MAX_CORRELATION_ID = 200;

    private final DeadLetterRepository letters;
    private final DeadLetterPublisher publisher;
    private final AuditTrail audit;
    private final DeadLetterMetrics metrics;

    public DeadLetters(DeadLetterRepository letters, DeadLetterPublisher publisher, AuditTrail audit,
            DeadLetterMetrics metrics) {
        this.letters = letters;
        this.publisher = publisher;
        this.audit = audit;
        this.metrics = metrics;
    }

    /** Which dead letters to list: {@code topic} and {@code replayed} narrow it down when not null. */
    public record Filter(String topic, Boolean replayed, int limit) {
    }

    /**
     * Stores a record read from a dead-letter topic (key and value as bytes); a record stored before
     * changes nothing. A failure leaves nothing behind, so the caller can let the record be redelivered.
     *
     * @return true when the record was new
     */
    public Uni<Boolean> store(ConsumerRecord<byte[], byte[]> record) {
        return letters.insert(record).map(id -> {
            if (id == null) {
                return false;
            }
            DeadLetterHeaders.Origin origin = DeadLetterHeaders.origin(record);
            metrics.received(origin.topic());
            // Not the reason: a parser's message may quote the payload, and the API shows it to operators.
            LOG.infof("dead letter %d stored from %s/%d@%d (first consumed from %s)", id, record.topic(),
                    record.partition(), record.offset(), origin.topic());
            return true;
        });
    }

    /** Newest first. Must run on a Vert.x context (a request, a consumer, {@code TracedWork}). */
    public Uni<List<DeadLetter>> list(Filter filter) {
        return Panache.withSession(() -> letters.newestFirst(filter.topic(), filter.replayed(), filter.limit()));
    }

    /**
     * Sends the dead letter's original record to the topic it came from, marked with
     * {@link DeadLetterHeaders#REPLAY_OF}, then counts the replay and audits it. Replaying again is allowed:
     * consumers are idempotent, and each replay is counted. Must run on a Vert.x context.
     *
     * @return the dead letter as it is now; null when there is none
     * @throws IllegalStateException when it is not known which topic the record came from
     * @throws ReplayFailedException when Kafka did not take the record (nothing is recorded then)
     */
    public Uni<DeadLetter> replay(long id, String operator) {
        return Panache.withSession(() -> letters.findById(id)).chain(letter -> {
            if (letter == null) {
                return Uni.createFrom().nullItem();
            }
            if (letter.sourceTopic == null) {
                return Uni.createFrom().failure(new IllegalStateException(
                        "dead letter " + id + " does not say which topic it came from, so it cannot be replayed"));
            }
            ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(letter.sourceTopic, null, letter.key,
                    letter.value, DeadLetterHeaders.forReplay(StoredHeaders.fromJson(letter.headers), id));
            // Sent before the row is touched: a replay is recorded only once the broker has it, and no
            // transaction stays open while Kafka answers. A crash in between leaves a replay sent but not
            // recorded; replaying again is harmless, since consumers are idempotent.
            return publisher.send(record)
                    .onFailure().transform(e -> {
                        LOG.warnf("dead letter %d could not be sent to %s: %s", id, letter.sourceTopic, e.toString());
                        return new ReplayFailedException("dead letter " + id + " could not be sent to "
                                + letter.sourceTopic + ": " + e.getMessage(), e);
                    })
                    .chain(sent -> record(id, operator, sent));
        });
    }

    private Uni<DeadLetter> record(long id, String operator, RecordMetadata sent) {
        return Panache.withTransaction(() -> letters.lock(id).chain(locked -> {
            boolean first = locked.replayCount == 0;
            locked.replayCount++;
            locked.replayedAt = Instant.now();
            String detail = "replay " + locked.replayCount + " to " + sent.topic() + " (partition " + sent.partition()
                    + ", offset " + sent.offset() + ") by " + operator;
            return audit.append(ENTITY_TYPE, Long.toString(id), first ? "DEAD_LETTERED" : "REPLAYED", "REPLAYED",
                    detail, correlationId(locked.key)).replaceWith(locked);
        })).invoke(letter -> {
            metrics.replayed(letter.sourceTopic, letter.replayCount == 1);
            LOG.infof("dead letter %d replayed to %s by %s", id, letter.sourceTopic, operator);
        });
    }

    /** Counts the dead letters never replayed and sets the gauge. Must run on a Vert.x context. */
    public Uni<Long> countNotReplayed() {
        return Panache.withSession(letters::countNotReplayed).invoke(metrics::notReplayed);
    }

    /** The key as text ties the replay to the shipment's other audit entries; keys are shipment ids. */
    private static String correlationId(byte[] key) {
        if (key == null) {
            return null;
        }
        String text = ReadableBytes.text(key);
        return text == null ? null : text.length() > MAX_CORRELATION_ID ? text.substring(0, MAX_CORRELATION_ID) : text;
    }
}
