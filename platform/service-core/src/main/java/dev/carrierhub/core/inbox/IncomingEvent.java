package dev.carrierhub.core.inbox;

import dev.carrierhub.contracts.EventType;
import dev.carrierhub.contracts.Json;
import dev.carrierhub.contracts.events.ShipmentEvent;
import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.KafkaMessageFactory;
import io.cloudevents.rw.CloudEventRWException;
import java.io.IOException;
import java.time.Instant;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** A CloudEvent read from Kafka: its identity, its subject (the shipment id) and its JSON payload. */
public record IncomingEvent(String id, String type, String source, String subject, Instant time, String topic,
        byte[] data) {

    /** Reads a binary-mode CloudEvent; anything else is poison and goes to the dead-letter topic. */
    public static IncomingEvent from(ConsumerRecord<String, byte[]> record) {
        CloudEvent event;
        try {
            event = KafkaMessageFactory.createReader(record).toEvent();
        } catch (CloudEventRWException | IllegalStateException e) {
            throw new PoisonEventException("record at " + record.topic() + "/" + record.partition() + "@"
                    + record.offset() + " is not a CloudEvent: " + e.getMessage(), e);
        }
        if (event.getData() == null) {
            throw new PoisonEventException("CloudEvent " + event.getId() + " has no data");
        }
        Instant time = event.getTime() == null ? null : event.getTime().toInstant();
        return new IncomingEvent(event.getId(), event.getType(), event.getSource().toString(), event.getSubject(),
                time, record.topic(), event.getData().toBytes());
    }

    /** The payload as the record the event type declares; a type or payload we cannot read is poison. */
    public <T extends ShipmentEvent> T payload(Class<T> expected) {
        EventType declared = EventType.ofCeType(type)
                .orElseThrow(() -> new PoisonEventException("unknown event type " + type + " on event " + id));
        if (!declared.payloadType().equals(expected)) {
            throw new PoisonEventException("event " + id + " of type " + type + " does not carry " + expected.getSimpleName());
        }
        try {
            return Json.mapper().readValue(data, expected);
        } catch (IOException | IllegalArgumentException | NullPointerException e) {
            throw new PoisonEventException("event " + id + " has an unreadable " + expected.getSimpleName() + ": "
                    + e.getMessage(), e);
        }
    }
}
