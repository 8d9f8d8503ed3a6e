package dev.carrierhub.core.deadletter;

import java.time.Instant;
import java.util.List;
import org.apache.kafka.common.header.Header;

/**
 * A dead letter as an operator reads it: where it came from, why it failed, its key, headers and value
 * shown as text or base64 (bounded: {@code valueTruncated} tells when only the start is shown), its replays.
 */
public record DeadLetterView(long id, String topic, Integer partition, Long offset, String dlqTopic, int dlqPartition,
        long dlqOffset, String reason, String cause, String key, String keyEncoding, List<HeaderView> headers,
        String value, String valueEncoding, int valueSizeBytes, boolean valueTruncated, Instant receivedAt,
        Instant replayedAt, int replayCount) {
    /** Enough to read any event this platform sends; a larger value is cut, never the stored bytes. */
    public static final int MAX_VALUE_BYTES = 16 * 1024;
    static final int MAX_HEADER_BYTES = 1024;

    /** One original header. */
    public record HeaderView(String name, String value, String encoding) {
    }

    public static DeadLetterView of(DeadLetter letter) {
        ReadableBytes.Rendered key = ReadableBytes.render(letter.key, MAX_HEADER_BYTES);
        ReadableBytes.Rendered value = ReadableBytes.render(letter.value, MAX_VALUE_BYTES);
        List<HeaderView> headers = StoredHeaders.fromJson(letter.headers).stream().map(DeadLetterView::header).toList();
        return new DeadLetterView(letter.id, letter.sourceTopic, letter.sourcePartition, letter.sourceOffset,
                letter.dlqTopic, letter.dlqPartition, letter.dlqOffset, letter.reason, letter.cause, key.content(),
                key.encoding(), headers, value.content(), value.encoding(), value.sizeBytes(), value.truncated(),
                letter.receivedAt, letter.replayedAt, letter.replayCount);
    }

    private static HeaderView header(Header header) {
        ReadableBytes.Rendered value = ReadableBytes.render(header.value(), MAX_HEADER_BYTES);
        return new HeaderView(header.key(), value.content(), value.encoding());
    }
}
