package dev.carrierhub.testsupport;

import dev.carrierhub.contracts.EventType;
import dev.carrierhub.contracts.Json;
import dev.carrierhub.contracts.events.ShipmentEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.kafka.KafkaMessageFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Looks at topics from the outside, the way another service would, and sends events into them. */
public final class KafkaProbe {
    private final String bootstrapServers;

    public KafkaProbe(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
    }

    /** Every record currently in {@code topic}, from the beginning, without joining a consumer group. */
    public List<ConsumerRecord<String, byte[]>> records(String topic) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        try (KafkaConsumer<String, byte[]> consumer =
                new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer())) {
            List<PartitionInfo> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10));
            if (partitions == null || partitions.isEmpty()) {
                return List.of();
            }
            List<TopicPartition> assigned = partitions.stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(assigned);
            consumer.seekToBeginning(assigned);
            Map<TopicPartition, Long> end = consumer.endOffsets(assigned);
            List<ConsumerRecord<String, byte[]>> all = new ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (!reachedEnd(consumer, end) && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(100)).forEach(all::add);
            }
            return all;
        }
    }

    /** Records of {@code topic} whose key is {@code shipmentId}. */
    public List<ConsumerRecord<String, byte[]>> records(String topic, String shipmentId) {
        return records(topic).stream().filter(r -> shipmentId.equals(r.key())).collect(Collectors.toList());
    }

    public static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    public static <T> T payload(ConsumerRecord<String, byte[]> record, Class<T> type) {
        try {
            return Json.mapper().readValue(record.value(), type);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sends {@code payload} as another service would: a binary-mode CloudEvent keyed by shipment id. */
    public String send(ShipmentEvent payload) {
        return send(payload, UUID.randomUUID().toString());
    }

    /** Sends with a chosen event id, to play a redelivery. */
    public String send(ShipmentEvent payload, String eventId) {
        return send(payload, eventId, null);
    }

    /** Sends as a service in the middle of a trace would: with a W3C {@code traceparent} header. */
    public String sendTraced(ShipmentEvent payload, String traceparent) {
        return send(payload, UUID.randomUUID().toString(), traceparent);
    }

    private String send(ShipmentEvent payload, String eventId, String traceparent) {
        EventType type = EventType.of(payload.getClass());
        byte[] data;
        try {
            data = Json.mapper().writeValueAsBytes(payload);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        var event = CloudEventBuilder.v1().withId(eventId).withType(type.ceType())
                .withSource(URI.create("/carrierhub/test")).withSubject(payload.shipmentId())
                .withTime(OffsetDateTime.now()).withDataContentType("application/json").withData(data).build();
        ProducerRecord<String, byte[]> record =
                KafkaMessageFactory.createWriter(type.topic(), payload.shipmentId()).writeBinary(event);
        if (traceparent != null) {
            record.headers().add("traceparent", traceparent.getBytes(StandardCharsets.UTF_8));
        }
        sendRaw(record);
        return eventId;
    }

    /** Sends any record as is, e.g. a poison record that is not a CloudEvent. */
    public void sendRaw(ProducerRecord<String, byte[]> record) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, byte[]> producer =
                new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer())) {
            producer.send(record).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("could not send to " + record.topic(), e.getCause());
        }
    }

    private static boolean reachedEnd(KafkaConsumer<?, ?> consumer, Map<TopicPartition, Long> end) {
        return end.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue());
    }
}
