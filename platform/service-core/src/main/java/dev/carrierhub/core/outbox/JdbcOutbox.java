package dev.carrierhub.core.outbox;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;

/**
 * Writes outbox rows over a JDBC connection, in the caller's transaction: for batch work (invoice
 * reconciliation) that runs on JDBC rather than Hibernate Reactive. The relay publishes them like any other;
 * nudge it once the transaction has committed.
 */
public final class JdbcOutbox implements AutoCloseable {
    private static final String INSERT = """
            insert into outbox_event (id, topic, ce_type, ce_source, subject, occurred_at, payload, traceparent, tracestate)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?)""";

    private final PreparedStatement insert;
    private final int batchSize;
    private int pending;
    private long written;

    public JdbcOutbox(Connection connection, int batchSize) throws SQLException {
        this.insert = connection.prepareStatement(INSERT);
        this.batchSize = batchSize;
    }

    public void append(OutboxEvent event) throws SQLException {
        insert.setObject(1, event.id);
        insert.setString(2, event.topic);
        insert.setString(3, event.ceType);
        insert.setString(4, event.ceSource);
        insert.setString(5, event.subject);
        insert.setTimestamp(6, Timestamp.from(event.occurredAt));
        insert.setString(7, event.payload);
        insert.setString(8, event.traceparent);
        insert.setString(9, event.tracestate);
        insert.addBatch();
        written++;
        if (++pending >= batchSize) {
            flush();
        }
    }

    /** Sends what is batched; call before the transaction commits. */
    public void flush() throws SQLException {
        if (pending > 0) {
            insert.executeBatch();
            pending = 0;
        }
    }

    /** Rows appended so far. */
    public long written() {
        return written;
    }

    @Override
    public void close() throws SQLException {
        insert.close();
    }
}
