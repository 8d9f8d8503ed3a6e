package dev.carrierhub.launcher;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.carrierhub.contracts.EventType;
import dev.carrierhub.contracts.Json;
import dev.carrierhub.contracts.events.ShipmentRequested;
import dev.carrierhub.contracts.shipment.Shipment;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.kafka.KafkaMessageFactory;
import java.net.URI;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Publishes {@code shipment.requested} as order-intake's outbox relay does (binary-mode CloudEvents keyed by
 * shipment id, {@code acks=all}) and remembers when each shipment was sent.
 */
final class ShipmentRequestedSender implements AutoCloseable {
    private static final URI SOURCE = URI.create("/carrierhub/rate-shopping-benchmark");

    private final KafkaProducer<String, byte[]> producer;
    private final Map<String, Long> sentNanos = new ConcurrentHashMap<>();

    ShipmentRequestedSender(String bootstrapServers) {
        this.producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.LINGER_MS_CONFIG, 1), new StringSerializer(), new ByteArraySerializer());
    }

    void send(Shipment shipment) {
        EventType type = EventType.of(ShipmentRequested.class);
        byte[] data = json(new ShipmentRequested(shipment, Instant.now()));
        var event = CloudEventBuilder.v1().withId(UUID.randomUUID().toString()).withType(type.ceType())
                .withSource(SOURCE).withSubject(shipment.shipmentId())
                .withTime(OffsetDateTime.now(ZoneOffset.UTC)).withDataContentType("application/json").withData(data)
                .build();
        ProducerRecord<String, byte[]> record =
                KafkaMessageFactory.createWriter(type.topic(), shipment.shipmentId()).writeBinary(event);
        sentNanos.put(shipment.shipmentId(), System.nanoTime());
        producer.send(record, (metadata, failure) -> {
            if (failure != null) {
                System.err.println("could not send " + shipment.shipmentId() + ": " + failure);
            }
        });
    }

    void flush() {
        producer.flush();
    }

    /** When {@code shipmentId} was handed to the producer ({@link System#nanoTime()}). */
    long sentNanos(String shipmentId) {
        return sentNanos.get(shipmentId);
    }

    private static byte[] json(ShipmentRequested payload) {
        try {
            return Json.mapper().writeValueAsBytes(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a shipment.requested payload always serialises", e);
        }
    }

    @Override
    public void close() {
        producer.close();
    }
}
