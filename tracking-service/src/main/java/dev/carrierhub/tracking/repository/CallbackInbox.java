package dev.carrierhub.tracking.repository;

import dev.carrierhub.core.work.GroupedWriter;
import dev.carrierhub.tracking.config.TrackingConfig;
import io.smallrye.mutiny.Uni;
import io.vertx.core.buffer.Buffer;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Stores verified callbacks as received. This is the path a carrier waits on, thousands of times a second in a
 * burst, so it skips the ORM: the callbacks that arrive while one group is written go together in the next
 * group, as one {@code INSERT … SELECT FROM unnest(…)} (one statement, one commit). Listeners hear of each
 * written group, so the processor starts on it at once.
 */
@ApplicationScoped
public class CallbackInbox {
    private static final String STORE = """
            insert into tracking_callback (id, carrier, received_at, body, outcome, tracking_number, carrier_event_id,
                                           failure, traceparent, tracestate)
            select * from unnest($1::uuid[], $2::varchar[], $3::timestamptz[], $4::bytea[], $5::varchar[],
                                 $6::varchar[], $7::varchar[], $8::text[], $9::varchar[], $10::varchar[])""";

    private final Pool pool;
    private final GroupedWriter<TrackingCallback> writer;
    private final List<Runnable> onWritten = new CopyOnWriteArrayList<>();

    public CallbackInbox(Pool pool, TrackingConfig config) {
        this.pool = pool;
        this.writer = new GroupedWriter<>(this::write, config.intake().maxGroup(), config.intake().maxWaiting());
    }

    /**
     * Completes once the callback is committed.
     *
     * @throws GroupedWriter.Overloaded (as the failure) when too many callbacks wait to be written
     */
    public Uni<Void> store(TrackingCallback callback) {
        return writer.submit(callback);
    }

    /** Callbacks accepted and waiting for a write to start. */
    public int waiting() {
        return writer.waiting();
    }

    /** Runs {@code listener} after each group is committed (on the database client's thread: keep it short). */
    public void onWritten(Runnable listener) {
        onWritten.add(listener);
    }

    private Uni<Void> write(List<TrackingCallback> group) {
        int size = group.size();
        UUID[] ids = new UUID[size];
        String[] carriers = new String[size];
        OffsetDateTime[] receivedAt = new OffsetDateTime[size];
        Buffer[] bodies = new Buffer[size];
        String[] outcomes = new String[size];
        String[] trackingNumbers = new String[size];
        String[] eventIds = new String[size];
        String[] failures = new String[size];
        String[] traceparents = new String[size];
        String[] tracestates = new String[size];
        for (int i = 0; i < size; i++) {
            TrackingCallback callback = group.get(i);
            ids[i] = callback.id;
            carriers[i] = callback.carrier;
            receivedAt[i] = callback.receivedAt.atOffset(ZoneOffset.UTC);
            bodies[i] = Buffer.buffer(callback.body);
            outcomes[i] = callback.outcome.name();
            trackingNumbers[i] = callback.trackingNumber;
            eventIds[i] = callback.carrierEventId;
            failures[i] = callback.failure;
            traceparents[i] = callback.traceparent;
            tracestates[i] = callback.tracestate;
        }
        Tuple values = Tuple.tuple().addArrayOfUUID(ids).addArrayOfString(carriers)
                // The raw bodies go as Vert.x core buffers: the client encodes an array of those as bytea[].
                .addArrayOfOffsetDateTime(receivedAt).addValue(bodies).addArrayOfString(outcomes)
                .addArrayOfString(trackingNumbers).addArrayOfString(eventIds).addArrayOfString(failures)
                .addArrayOfString(traceparents).addArrayOfString(tracestates);
        return pool.preparedQuery(STORE).execute(values).replaceWithVoid()
                .invoke(() -> onWritten.forEach(Runnable::run));
    }
}
