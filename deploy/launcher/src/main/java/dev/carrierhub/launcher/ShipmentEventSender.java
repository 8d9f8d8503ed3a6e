package dev.carrierhub.launcher;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.carrierhub.contracts.EventType;
import dev.carrierhub.contracts.Json;
import dev.carrierhub.contracts.events.ShipmentEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.kafka.KafkaMessageFactory;
import java.net.URI;
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
 * Publishes shipment events as the services' outbox relays do (binary-mode CloudEvents keyed by shipment id,
 * {@code acks=all}), standing in for the service upstream of the one measured, and remembers when each
 * shipment's event was sent.
 */
final class ShipmentEventSender implements AutoCloseable {
    private final URI source;
    private final KafkaProducer<String, byte[]> producer;
    private final Map<String, Long> sentNanos = new ConcurrentHashMap<>();

    /** {@code benchmark} names the sender in each event's {@code source}, e.g. {@code rate-shopping-benchmark}. */
    ShipmentEventSender(String bootstrapServers, String benchmark) {
        this.source = URI.create("/carrierhub/" + benchmark);
        this.producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.LINGER_MS_CONFIG, 1), new StringSerializer(), new ByteArraySerializer());
    }

    /** Sends {@code payload} on its event type's topic, keyed by its shipment id. */
    void send(ShipmentEvent payload) {
        send(payload, UUID.randomUUID().toString());
    }

    /** Sends {@code payload} as the event {@code eventId}: the same id twice is one event delivered twice. */
    void send(ShipmentEvent payload, String eventId) {
        EventType type = EventType.of(payload.getClass());
        var event = CloudEventBuilder.v1().withId(eventId).withType(type.ceType())
                .withSource(source).withSubject(payload.shipmentId())
                .withTime(OffsetDateTime.now(ZoneOffset.UTC)).withDataContentType("application/json")
                .withData(json(payload)).build();
        ProducerRecord<String, byte[]> record =
                KafkaMessageFactory.createWriter(type.topic(), payload.shipmentId()).writeBinary(event);
        sentNanos.put(payload.shipmentId(), System.nanoTime());
        producer.send(record, (metadata, failure) -> {
            if (failure != null) {
                System.err.println("could not send " + payload.shipmentId() + ": " + failure);
            }
        });
    }

    void flush() {
        producer.flush();
    }

    /** When the last event of {@code shipmentId} was handed to the producer ({@link System#nanoTime()}). */
    long sentNanos(String shipmentId) {
        return sentNanos.get(shipmentId);
    }

    private static byte[] json(ShipmentEvent payload) {
        try {
            return Json.mapper().writeValueAsBytes(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a contract payload always serialises", e);
        }
    }

    @Override
    public void close() {
        producer.close();
    }
}
