package dev.carrierhub.core.outbox;

import dev.carrierhub.core.tracing.SpanAttributes;
import dev.carrierhub.core.tracing.TraceContext;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.kafka.KafkaMessageFactory;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Sends outbox rows to Kafka as CloudEvents in binary mode, keyed by shipment id, with an idempotent
 * producer and {@code acks=all}: a row is only marked published once every replica has it.
 */
@ApplicationScoped
public class KafkaOutboxPublisher {
    private final String bootstrapServers;
    private final String clientId;
    private final Tracer tracer;
    private final MeterRegistry meters;
    private volatile KafkaProducer<String, byte[]> producer;

    public KafkaOutboxPublisher(
            @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers,
            @ConfigProperty(name = "quarkus.application.name") String applicationName,
            Tracer tracer,
            MeterRegistry meters) {
        this.bootstrapServers = bootstrapServers;
        this.clientId = applicationName + "-outbox";
        this.tracer = tracer;
        this.meters = meters;
    }

    /** Sends all events and completes when the broker has acknowledged every one of them. */
    public Uni<Void> publish(List<OutboxEvent> events) {
        return Uni.createFrom().deferred(() -> {
            CompletableFuture<?>[] acks = events.stream().map(this::send).toArray(CompletableFuture[]::new);
            return Uni.createFrom().completionStage(CompletableFuture.allOf(acks));
        });
    }

    private CompletableFuture<Void> send(OutboxEvent event) {
        Span span = tracer.spanBuilder(event.topic + " publish")
                .setSpanKind(SpanKind.PRODUCER)
                .setParent(new TraceContext(event.traceparent, event.tracestate).toContext())
                .setAttribute(SpanAttributes.MESSAGING_SYSTEM, "kafka")
                .setAttribute(SpanAttributes.MESSAGING_DESTINATION, event.topic)
                .setAttribute(SpanAttributes.MESSAGING_OPERATION_TYPE, "send")
                .setAttribute(SpanAttributes.MESSAGING_MESSAGE_ID, event.id.toString())
                .setAttribute(SpanAttributes.MESSAGING_KAFKA_KEY, event.subject)
                .setAttribute(SpanAttributes.SHIPMENT_ID, event.subject)
                .startSpan();
        ProducerRecord<String, byte[]> record =
                KafkaMessageFactory.createWriter(event.topic, event.subject).writeBinary(toCloudEvent(event));
        W3CTraceContextPropagator.getInstance().inject(io.opentelemetry.context.Context.root().with(span),
                record.headers(), (headers, key, value) -> {
                    headers.remove(key);
                    headers.add(key, value.getBytes(StandardCharsets.UTF_8));
                });
        CompletableFuture<Void> acked = new CompletableFuture<>();
        try {
            producer().send(record, (metadata, failure) -> {
                if (failure == null) {
                    meters.counter("carrierhub.outbox.published", "topic", event.topic).increment();
                    acked.complete(null);
                } else {
                    span.recordException(failure);
                    span.setStatus(StatusCode.ERROR);
                    meters.counter("carrierhub.outbox.publish.failures", "topic", event.topic).increment();
                    acked.completeExceptionally(failure);
                }
                span.end();
            });
        } catch (RuntimeException e) {
            span.recordException(e);
            span.setStatus(StatusCode.ERROR);
            span.end();
            acked.completeExceptionally(e);
        }
        return acked;
    }

    static CloudEvent toCloudEvent(OutboxEvent event) {
        return CloudEventBuilder.v1()
                .withId(event.id.toString())
                .withType(event.ceType)
                .withSource(URI.create(event.ceSource))
                .withSubject(event.subject)
                .withTime(event.occurredAt.atOffset(ZoneOffset.UTC))
                .withDataContentType("application/json")
                .withData(event.payload.getBytes(StandardCharsets.UTF_8))
                .build();
    }

    private KafkaProducer<String, byte[]> producer() {
        KafkaProducer<String, byte[]> current = producer;
        if (current == null) {
            synchronized (this) {
                if (producer == null) {
                    producer = new KafkaProducer<>(producerConfig(), new StringSerializer(), new ByteArraySerializer());
                }
                current = producer;
            }
        }
        return current;
    }

    private Properties producerConfig() {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ProducerConfig.CLIENT_ID_CONFIG, clientId);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        props.put(ProducerConfig.LINGER_MS_CONFIG, 1);
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
        props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 30_000);
        return props;
    }

    @PreDestroy
    void close() {
        if (producer != null) {
            producer.close(java.time.Duration.ofSeconds(5));
        }
    }
}
