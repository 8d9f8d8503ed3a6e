package dev.carrierhub.launcher;

import dev.carrierhub.contracts.Topics;
import dev.carrierhub.devstack.Database;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * Where each shipment's time went inside label-service, read from its own rows after a run: when the
 * consumer stored the booking ({@code booking.created_at}), when the carrier's answer was being settled
 * ({@code booking.booked_at}), and when the outbox relay took {@code shipment.labeled} ({@code
 * outbox_event.published_at}, the relay transaction's start). Together with the benchmark's own clock (the
 * rated event due, the labeled event seen) they split the end-to-end time into four stages.
 */
final class LabelTimeline {
    /** The stages, in order; each histogram in microseconds. */
    static final List<String> STAGES = List.of(
            "rated due -> booking stored (Kafka hop in, consumer's queue and transaction)",
            "booking stored -> carrier answered (worker's wait, claim transaction, carrier call)",
            "carrier answered -> relay took the event (settling transaction, relay's wait)",
            "relay took the event -> labeled seen (publish, acks, Kafka hop out)");

    private LabelTimeline() {
    }

    /** The label-service rows of these shipments: created, booked and published instants, by shipment id. */
    static Map<String, Instant[]> read(Database db) {
        String sql = """
                select b.shipment_id, b.created_at, b.booked_at, o.published_at
                  from booking b
                  left join outbox_event o on o.subject = b.shipment_id and o.topic = ?""";
        Map<String, Instant[]> rows = new HashMap<>();
        try (Connection connection = DriverManager.getConnection(db.jdbcUrl(), db.username(), db.password());
                PreparedStatement query = connection.prepareStatement(sql)) {
            query.setString(1, Topics.SHIPMENT_LABELED);
            try (ResultSet result = query.executeQuery()) {
                while (result.next()) {
                    rows.put(result.getString(1), new Instant[] {instant(result.getTimestamp(2)),
                            instant(result.getTimestamp(3)), instant(result.getTimestamp(4))});
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read label-service's bookings from " + db.jdbcUrl(), e);
        }
        return rows;
    }

    /**
     * One histogram per stage over the shipments that went through all of them. {@code dueEpochMicros} and
     * {@code seenEpochMicros} are the benchmark's instants of each shipment, in microseconds since the epoch.
     */
    static Histogram[] stages(Map<String, Instant[]> rows, List<String> ids, long[] dueEpochMicros,
            long[] seenEpochMicros) {
        Histogram[] stages = new Histogram[STAGES.size()];
        for (int s = 0; s < stages.length; s++) {
            stages[s] = new Histogram(3);
        }
        for (int i = 0; i < ids.size(); i++) {
            Instant[] row = rows.get(ids.get(i));
            if (row == null || row[0] == null || row[1] == null || row[2] == null || seenEpochMicros[i] <= 0) {
                continue;
            }
            long[] marks = {dueEpochMicros[i], micros(row[0]), micros(row[1]), micros(row[2]), seenEpochMicros[i]};
            for (int s = 0; s < stages.length; s++) {
                // Two clocks (the JVMs' and PostgreSQL's) read the same system time; a few µs of skew is no stage.
                stages[s].recordValue(Math.max(0, marks[s + 1] - marks[s]));
            }
        }
        return stages;
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    private static long micros(Instant instant) {
        return instant.getEpochSecond() * 1_000_000 + instant.getNano() / 1_000;
    }
}
