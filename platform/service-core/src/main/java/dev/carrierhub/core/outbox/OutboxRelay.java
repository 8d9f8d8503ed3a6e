package dev.carrierhub.core.outbox;

import dev.carrierhub.core.work.SingleFlightDrain;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Publishes committed outbox rows to Kafka and marks them published, in insertion order. Rows are
 * locked with {@code SKIP LOCKED}, so several replicas can run a relay without publishing a row twice
 * at the same time; a crash between send and mark re-sends, which idempotent consumers absorb.
 */
@ApplicationScoped
public class OutboxRelay {
    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    private static final String SELECT_BATCH = """
            select id, topic, ce_type, ce_source, subject, occurred_at, payload, traceparent, tracestate
              from outbox_event
             where published_at is null
             order by seq
             limit $1
               for update skip locked""";
    private static final String MARK_PUBLISHED = "update outbox_event set published_at = now() where id = any($1)";

    private final Pool pool;
    private final KafkaOutboxPublisher publisher;
    private final OutboxConfig config;
    private final SingleFlightDrain drain;

    public OutboxRelay(Pool pool, KafkaOutboxPublisher publisher, OutboxConfig config) {
        this.pool = pool;
        this.publisher = publisher;
        this.config = config;
        this.drain = new SingleFlightDrain(this::publishBatch, config.batchSize(), failure ->
                LOG.warnf("outbox relay could not publish, will retry on the next poll: %s", failure.toString()));
    }

    /** Asks for a drain now; cheap to call after every commit. */
    public void nudge() {
        drain.request();
    }

    @Scheduled(every = "${carrierhub.outbox.poll-interval:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void poll() {
        nudge();
    }

    /** Milliseconds since the relay last completed a drain without error. */
    public long millisSinceLastSuccess() {
        return drain.millisSinceLastSuccess();
    }

    public Throwable lastFailure() {
        return drain.lastFailure();
    }

    /** Publishes one batch in one transaction and returns how many rows it published. */
    Uni<Integer> publishBatch() {
        return pool.withTransaction(connection -> connection.preparedQuery(SELECT_BATCH)
                .execute(Tuple.of(config.batchSize()))
                .chain(rows -> {
                    List<OutboxEvent> batch = new ArrayList<>();
                    rows.forEach(row -> batch.add(toEvent(row)));
                    if (batch.isEmpty()) {
                        return Uni.createFrom().item(0);
                    }
                    return sendAndMark(connection, batch);
                }));
    }

    private Uni<Integer> sendAndMark(SqlConnection connection, List<OutboxEvent> batch) {
        UUID[] ids = batch.stream().map(e -> e.id).toArray(UUID[]::new);
        // KafkaProducer.send can block while it fetches metadata: keep it off the event loop.
        return Uni.createFrom().voidItem()
                .emitOn(Infrastructure.getDefaultWorkerPool())
                .chain(() -> publisher.publish(batch))
                .ifNoItem().after(config.sendTimeout()).fail()
                .chain(() -> connection.preparedQuery(MARK_PUBLISHED).execute(Tuple.of(ids)))
                .replaceWith(batch.size());
    }

    private static OutboxEvent toEvent(Row row) {
        OutboxEvent event = new OutboxEvent();
        event.id = row.getUUID("id");
        event.topic = row.getString("topic");
        event.ceType = row.getString("ce_type");
        event.ceSource = row.getString("ce_source");
        event.subject = row.getString("subject");
        event.occurredAt = row.getOffsetDateTime("occurred_at").toInstant();
        event.payload = row.getString("payload");
        event.traceparent = row.getString("traceparent");
        event.tracestate = row.getString("tracestate");
        return event;
    }
}
