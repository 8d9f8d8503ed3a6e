package dev.carrierhub.core.outbox;

import dev.carrierhub.contracts.EventType;
import dev.carrierhub.contracts.Json;
import dev.carrierhub.contracts.events.ShipmentEvent;
import dev.carrierhub.core.tracing.TraceContext;
import com.fasterxml.jackson.core.JsonProcessingException;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.UUID;

/**
 * Appends events to the outbox table inside the caller's transaction, so an event exists if and only
 * if the change it announces was committed. Never sends to Kafka itself: the {@link OutboxRelay} does.
 */
@ApplicationScoped
public class Outbox {
    private final OutboxConfig config;
    private final Clock clock;

    public Outbox(OutboxConfig config) {
        this.config = config;
        this.clock = Clock.systemUTC();
    }

    /** Adds the event to the current transaction; must run inside {@code Panache.withTransaction}. */
    public Uni<OutboxEvent> append(ShipmentEvent payload) {
        return append(payload, TraceContext.current());
    }

    /**
     * Adds the event, carrying {@code trace} rather than the current one: for work done for many traces in one
     * transaction, where each event belongs to the trace of the item it came from.
     */
    public Uni<OutboxEvent> append(ShipmentEvent payload, TraceContext trace) {
        OutboxEvent event = toRow(payload, trace);
        return Panache.getSession().chain(session -> session.persist(event)).replaceWith(event);
    }

    /**
     * The row that announces {@code payload}, for writers that insert it themselves in their own transaction
     * (batch work over JDBC, see {@link JdbcOutbox}).
     */
    public OutboxEvent toRow(ShipmentEvent payload, TraceContext trace) {
        EventType type = EventType.of(payload.getClass());
        OutboxEvent event = new OutboxEvent();
        event.id = UUID.randomUUID();
        event.topic = type.topic();
        event.ceType = type.ceType();
        event.ceSource = config.source();
        event.subject = payload.shipmentId();
        event.occurredAt = clock.instant();
        event.payload = serialize(payload);
        event.traceparent = trace.traceparent();
        event.tracestate = trace.tracestate();
        return event;
    }

    private static String serialize(ShipmentEvent payload) {
        try {
            return Json.mapper().writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot serialise " + payload.getClass().getSimpleName(), e);
        }
    }
}
