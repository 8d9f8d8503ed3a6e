package dev.carrierhub.core.deadletter;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeader;

/**
 * Reads what SmallRye's {@code failure-strategy=dead-letter-queue} adds to a dead-lettered record (the
 * {@code dead-letter-*} headers, put before the producer's own), and sets a record up for its replay.
 */
public final class DeadLetterHeaders {
    /** Every header SmallRye adds starts with this (reason, cause, their classes, topic, partition, offset). */
    public static final String PREFIX = "dead-letter-";
    public static final String REASON = "dead-letter-reason";
    public static final String CAUSE = "dead-letter-cause";
    public static final String TOPIC = "dead-letter-topic";
    public static final String PARTITION = "dead-letter-partition";
    public static final String OFFSET = "dead-letter-offset";
    /** Marks a replayed record with the id of the dead letter it came from, so its trail can be followed. */
    public static final String REPLAY_OF = "carrierhub-replay-of-dead-letter";
    private static final String DLQ_SUFFIX = ".dlq";

    private DeadLetterHeaders() {
    }

    /** Where a dead-lettered record was first consumed, and why it failed there. */
    public record Origin(String topic, Integer partition, Long offset, String reason, String cause) {
    }

    /**
     * The origin SmallRye wrote on {@code record}. A record without {@code dead-letter-topic} (put on the
     * topic by hand) is taken to come from the topic its dead-letter topic is named after ({@code <topic>.dlq}).
     */
    public static Origin origin(ConsumerRecord<?, ?> record) {
        Headers headers = record.headers();
        String topic = text(headers, TOPIC);
        if (topic == null && record.topic().endsWith(DLQ_SUFFIX)) {
            topic = record.topic().substring(0, record.topic().length() - DLQ_SUFFIX.length());
        }
        return new Origin(topic, number(headers, PARTITION, Integer::valueOf), number(headers, OFFSET, Long::valueOf),
                text(headers, REASON), text(headers, CAUSE));
    }

    /**
     * The producer's own headers, in order: all but SmallRye's dead-letter ones. SmallRye's dead-letter
     * producer appends a {@code traceparent} of its own after them; it stays, so a replay continues the
     * trace in which the record failed.
     */
    public static List<Header> original(Headers headers) {
        List<Header> kept = new ArrayList<>();
        for (Header header : headers) {
            if (!header.key().startsWith(PREFIX)) {
                kept.add(header);
            }
        }
        return kept;
    }

    /**
     * The headers a replay of dead letter {@code id} is sent with: the original ones, less any dead-letter
     * or earlier replay mark (a replay can itself be dead-lettered), plus the mark of this replay.
     */
    public static List<Header> forReplay(List<Header> original, long id) {
        List<Header> replay = new ArrayList<>();
        for (Header header : original) {
            if (!header.key().startsWith(PREFIX) && !header.key().equals(REPLAY_OF)) {
                replay.add(header);
            }
        }
        replay.add(new RecordHeader(REPLAY_OF, Long.toString(id).getBytes(StandardCharsets.UTF_8)));
        return replay;
    }

    private static String text(Headers headers, String name) {
        Header header = headers.lastHeader(name);
        if (header == null || header.value() == null) {
            return null;
        }
        // PostgreSQL text cannot hold NUL; the reason is for people, so a replacement character is fine.
        return new String(header.value(), StandardCharsets.UTF_8).replace('\0', '\uFFFD');
    }

    private static <N> N number(Headers headers, String name, java.util.function.Function<String, N> parse) {
        String value = text(headers, name);
        if (value == null) {
            return null;
        }
        try {
            return parse.apply(value.strip());
        } catch (NumberFormatException e) {
            // A malformed position is lost information, not a reason to refuse the dead letter.
            return null;
        }
    }
}
