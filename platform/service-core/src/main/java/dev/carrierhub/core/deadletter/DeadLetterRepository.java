package dev.carrierhub.core.deadletter;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import io.vertx.core.buffer.Buffer;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** The dead_letter table: records stored once per place in their dead-letter topic, listed and locked for replay. */
@ApplicationScoped
public class DeadLetterRepository implements PanacheRepositoryBase<DeadLetter, Long> {
    private static final String INSERT = """
            insert into dead_letter (dlq_topic, dlq_partition, dlq_offset, source_topic, source_partition,
                                     source_offset, record_key, record_value, headers, reason, cause)
            values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
            on conflict (dlq_topic, dlq_partition, dlq_offset) do nothing
            returning id""";

    private final Pool pool;

    public DeadLetterRepository(Pool pool) {
        this.pool = pool;
    }

    /**
     * Stores a record read from a dead-letter topic, unless it is stored already. One statement on the
     * plain client: it needs no session, and a record consumed twice (a rebalance) hits the unique key.
     *
     * @return the new row's id; null when the record was stored before
     */
    public Uni<Long> insert(ConsumerRecord<byte[], byte[]> record) {
        DeadLetterHeaders.Origin origin = DeadLetterHeaders.origin(record);
        Tuple values = Tuple.tuple()
                .addString(record.topic())
                .addInteger(record.partition())
                .addLong(record.offset())
                .addString(origin.topic())
                .addInteger(origin.partition())
                .addLong(origin.offset())
                .addValue(record.key() == null ? null : Buffer.buffer(record.key()))
                .addValue(record.value() == null ? null : Buffer.buffer(record.value()))
                .addString(StoredHeaders.toJson(DeadLetterHeaders.original(record.headers())))
                .addString(origin.reason())
                .addString(origin.cause());
        return pool.preparedQuery(INSERT).execute(values)
                .map(rows -> rows.iterator().hasNext() ? rows.iterator().next().getLong("id") : null);
    }

    /** Dead letters newest first, from one source topic and/or replayed or not when those are given. */
    public Uni<List<DeadLetter>> newestFirst(String sourceTopic, Boolean replayed, int limit) {
        List<String> where = new ArrayList<>();
        Parameters parameters = new Parameters();
        if (sourceTopic != null) {
            where.add("sourceTopic = :topic");
            parameters.and("topic", sourceTopic);
        }
        if (replayed != null) {
            where.add(replayed ? "replayedAt is not null" : "replayedAt is null");
        }
        String query = (where.isEmpty() ? "" : String.join(" and ", where) + " ") + "order by id desc";
        return find(query, parameters).page(0, limit).list();
    }

    /** The dead letter, locked for the rest of the transaction, so two replays count one after the other. */
    public Uni<DeadLetter> lock(long id) {
        return findById(id, LockModeType.PESSIMISTIC_WRITE);
    }

    public Uni<Long> countNotReplayed() {
        return count("replayedAt is null");
    }
}
