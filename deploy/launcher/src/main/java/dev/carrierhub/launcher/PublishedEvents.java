package dev.carrierhub.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import dev.carrierhub.contracts.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Counts the records of one topic per key, from the beginning, to check each key was published exactly once. */
final class PublishedEvents implements AutoCloseable {
    private static final String DEAD_LETTER_REASON = "dead-letter-reason";

    private final KafkaConsumer<String, byte[]> consumer;
    private final Map<String, Integer> perKey = new HashMap<>();
    /** The CloudEvent ids seen per key: a record published again after a relay crash carries the same id. */
    private final Map<String, Set<String>> eventIds = new HashMap<>();
    /** On a dead-letter topic: how many records each reason sent there. */
    private final Map<String, Integer> deadLetterReasons = new HashMap<>();

    PublishedEvents(String bootstrapServers, String topic) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        // Only committed records: the outbox relay publishes with an idempotent producer.
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        consumer = new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer());
        List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                .map(info -> new TopicPartition(topic, info.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
    }

    /** Reads what has arrived since the last call. */
    void poll() {
        if (consumer.assignment().isEmpty()) {
            // The topic does not exist (yet): nothing was ever published to it.
            return;
        }
        for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
            perKey.merge(record.key(), 1, Integer::sum);
            Header id = record.headers().lastHeader("ce_id");
            eventIds.computeIfAbsent(record.key(), k -> new HashSet<>())
                    .add(id == null ? "offset " + record.partition() + "@" + record.offset()
                            : new String(id.value(), StandardCharsets.UTF_8));
            String reason = deadLetterReason(record);
            if (reason != null) {
                deadLetterReasons.merge(reason.length() > 160 ? reason.substring(0, 160) + "…" : reason, 1,
                        Integer::sum);
            }
        }
    }

    /**
     * SmallRye's reason header on a consumer's dead letter; on an Odoo write-back dead letter, which is a JSON
     * document, its kind and last error.
     */
    private static String deadLetterReason(ConsumerRecord<String, byte[]> record) {
        Header header = record.headers().lastHeader(DEAD_LETTER_REASON);
        if (header != null) {
            return new String(header.value(), StandardCharsets.UTF_8);
        }
        try {
            JsonNode document = Json.mapper().readTree(record.value());
            return document.has("lastError") ? document.path("kind").asText() + ": " + document.path("lastError").asText()
                    : null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** The reasons records were dead-lettered for (SmallRye's header), with how many records each. */
    Map<String, Integer> deadLetterReasons() {
        return new HashMap<>(deadLetterReasons);
    }

    /** Records read so far. */
    long total() {
        return perKey.values().stream().mapToLong(Integer::longValue).sum();
    }

    /** Records read so far, by key. */
    Map<String, Integer> perKey() {
        return new HashMap<>(perKey);
    }

    /** Distinct events by key: records published twice with one CloudEvent id count once. */
    Map<String, Integer> distinctEventsPerKey() {
        Map<String, Integer> distinct = new HashMap<>();
        eventIds.forEach((key, ids) -> distinct.put(key, ids.size()));
        return distinct;
    }

    int distinctKeys() {
        return perKey.size();
    }

    long keysSeenMoreThanOnce() {
        return perKey.values().stream().filter(count -> count > 1).count();
    }

    /** How many records carried {@code key}. */
    int count(String key) {
        return perKey.getOrDefault(key, 0);
    }

    boolean has(String key) {
        return perKey.containsKey(key);
    }

    @Override
    public void close() {
        consumer.close();
    }
}
