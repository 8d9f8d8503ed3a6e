package dev.carrierhub.launcher;

import dev.carrierhub.contracts.Topics;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads every record that appears on the outcome topics from now on, outside any consumer group, and keeps
 * per shipment how many records each topic carried and when the first one was seen.
 */
final class ShipmentOutcomeWatcher implements AutoCloseable {
    private final Map<String, Map<String, AtomicInteger>> counts = new ConcurrentHashMap<>();
    private final Map<String, Long> firstSeenNanos = new ConcurrentHashMap<>();
    private final Map<String, Map<String, Long>> firstSeenNanosByTopic = new ConcurrentHashMap<>();
    private final Thread poller;
    private volatile boolean running = true;

    private ShipmentOutcomeWatcher(KafkaConsumer<String, byte[]> consumer) {
        this.poller = new Thread(() -> poll(consumer), "outcome-watcher");
        poller.setDaemon(true);
        poller.start();
    }

    /** Starts reading {@code topics} from their current ends. */
    static ShipmentOutcomeWatcher start(String bootstrapServers, Collection<String> topics) {
        KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false), new StringDeserializer(), new ByteArrayDeserializer());
        List<TopicPartition> partitions = topics.stream()
                .flatMap(topic -> consumer.partitionsFor(topic, Duration.ofSeconds(10)).stream()
                        .map(info -> new TopicPartition(topic, info.partition())))
                .toList();
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position); // resolves the end offsets now, before anything is sent
        return new ShipmentOutcomeWatcher(consumer);
    }

    private void poll(KafkaConsumer<String, byte[]> consumer) {
        try (consumer) {
            while (running) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(50))) {
                    long now = System.nanoTime();
                    counts.computeIfAbsent(record.key(), key -> new ConcurrentHashMap<>())
                            .computeIfAbsent(record.topic(), topic -> new AtomicInteger()).incrementAndGet();
                    firstSeenNanos.putIfAbsent(record.key(), now);
                    firstSeenNanosByTopic.computeIfAbsent(record.key(), key -> new ConcurrentHashMap<>())
                            .putIfAbsent(record.topic(), now);
                }
            }
        }
    }

    /** How many records {@code topic} carried for {@code shipmentId}. */
    int count(String shipmentId, String topic) {
        Map<String, AtomicInteger> byTopic = counts.get(shipmentId);
        AtomicInteger count = byTopic == null ? null : byTopic.get(topic);
        return count == null ? 0 : count.get();
    }

    /** When the first outcome of {@code shipmentId} was seen ({@link System#nanoTime()}), or -1. */
    long firstSeenNanos(String shipmentId) {
        return firstSeenNanos.getOrDefault(shipmentId, -1L);
    }

    /** When the first record of {@code shipmentId} on {@code topic} was seen ({@link System#nanoTime()}), or -1. */
    long firstSeenNanos(String shipmentId, String topic) {
        Map<String, Long> byTopic = firstSeenNanosByTopic.get(shipmentId);
        Long seen = byTopic == null ? null : byTopic.get(topic);
        return seen == null ? -1 : seen;
    }

    /** Waits until every shipment has an outcome on some topic, or {@code patience} has passed. */
    boolean awaitOutcomes(Set<String> shipmentIds, Duration patience) {
        return await(() -> firstSeenNanos.keySet().containsAll(shipmentIds), patience);
    }

    /** Waits until every shipment has a record on one of {@code topics}, or {@code patience} has passed. */
    boolean awaitOutcomes(Set<String> shipmentIds, Collection<String> topics, Duration patience) {
        return await(() -> shipmentIds.stream()
                .allMatch(id -> topics.stream().anyMatch(topic -> firstSeenNanos(id, topic) > 0)), patience);
    }

    private static boolean await(BooleanSupplier done, Duration patience) {
        long deadline = System.nanoTime() + patience.toNanos();
        while (System.nanoTime() < deadline) {
            if (done.getAsBoolean()) {
                return true;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return false;
    }

    /** Shipments the watcher saw that nobody asked about, e.g. from an earlier run on the same broker. */
    Set<String> seenShipments() {
        return Set.copyOf(counts.keySet());
    }

    static List<String> outcomeTopics() {
        return List.of(Topics.SHIPMENT_RATED, Topics.SHIPMENT_EXCEPTION);
    }

    @Override
    public void close() {
        running = false;
        try {
            poller.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
