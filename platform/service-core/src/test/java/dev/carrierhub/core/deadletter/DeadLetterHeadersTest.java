package dev.carrierhub.core.deadletter;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;

class DeadLetterHeadersTest {

    @Test
    void readsTheOriginAndTheFailureSmallRyeWrote() {
        ConsumerRecord<byte[], byte[]> record = dlqRecord("shipment.rated.dlq",
                header("dead-letter-exception-class-name", "dev.carrierhub.core.inbox.PoisonEventException"),
                header("dead-letter-reason", "record at shipment.rated/2@41 is not a CloudEvent: no spec version"),
                header("dead-letter-cause-class-name", "java.lang.IllegalStateException"),
                header("dead-letter-cause", "no spec version"),
                header("dead-letter-topic", "shipment.rated"),
                header("dead-letter-partition", "2"),
                header("dead-letter-offset", "41"),
                header("ce_id", "e-1"));

        DeadLetterHeaders.Origin origin = DeadLetterHeaders.origin(record);

        assertThat(origin).isEqualTo(new DeadLetterHeaders.Origin("shipment.rated", 2, 41L,
                "record at shipment.rated/2@41 is not a CloudEvent: no spec version", "no spec version"));
    }

    @Test
    void aRecordWithoutSmallRyesHeadersComesFromTheTopicItsDeadLetterTopicIsNamedAfter() {
        DeadLetterHeaders.Origin origin = DeadLetterHeaders.origin(dlqRecord("shipment.cancel-requested.dlq"));

        assertThat(origin).isEqualTo(new DeadLetterHeaders.Origin("shipment.cancel-requested", null, null, null, null));
        assertThat(DeadLetterHeaders.origin(dlqRecord("parking-lot")).topic()).as("no convention to go by").isNull();
    }

    @Test
    void aMalformedPositionIsLeftOutAndNulCharactersCannotReachTheDatabase() {
        DeadLetterHeaders.Origin origin = DeadLetterHeaders.origin(dlqRecord("shipment.rated.dlq",
                header("dead-letter-partition", "two"), header("dead-letter-offset", " 7 "),
                header("dead-letter-reason", "bad\0byte")));

        assertThat(origin.partition()).isNull();
        assertThat(origin.offset()).isEqualTo(7L);
        assertThat(origin.reason()).isEqualTo("bad\uFFFDbyte");
    }

    @Test
    void theOriginalHeadersAreThoseOfTheProducerInOrderWithRepeatsAndNulls() {
        RecordHeaders headers = new RecordHeaders(new Header[] {
                header("dead-letter-reason", "boom"), header("ce_id", "e-1"), header("dead-letter-topic", "t"),
                header("x-tag", "a"), new RecordHeader("x-empty", null), header("x-tag", "b")});

        assertThat(DeadLetterHeaders.original(headers)).extracting(Header::key)
                .containsExactly("ce_id", "x-tag", "x-empty", "x-tag");
    }

    @Test
    void aReplayCarriesTheOriginalHeadersAndOnlyTheMarkOfThisReplay() {
        List<Header> original = List.of(header("ce_id", "e-1"), header("dead-letter-reason", "left by hand"),
                header(DeadLetterHeaders.REPLAY_OF, "3"), header("traceparent", "00-abc-def-01"));

        List<Header> replay = DeadLetterHeaders.forReplay(original, 42);

        assertThat(replay).extracting(Header::key)
                .containsExactly("ce_id", "traceparent", DeadLetterHeaders.REPLAY_OF);
        assertThat(text(replay.get(2))).isEqualTo("42");
        assertThat(text(replay.get(0))).isEqualTo("e-1");
    }

    static ConsumerRecord<byte[], byte[]> dlqRecord(String topic, Header... headers) {
        return new ConsumerRecord<>(topic, 0, 5L, 0L, TimestampType.CREATE_TIME, 0, 0,
                "key".getBytes(StandardCharsets.UTF_8), "value".getBytes(StandardCharsets.UTF_8),
                new RecordHeaders(headers), Optional.empty());
    }

    static Header header(String name, String value) {
        return new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8));
    }

    private static String text(Header header) {
        return new String(header.value(), StandardCharsets.UTF_8);
    }
}
