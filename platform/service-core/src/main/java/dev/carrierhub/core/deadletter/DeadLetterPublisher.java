package dev.carrierhub.core.deadletter;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Properties;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Sends replayed records as raw bytes (key, value and headers as they were), with {@code acks=all}: a
 * replay is only recorded once every replica has the record. The producer is made on the first replay.
 */
@ApplicationScoped
public class DeadLetterPublisher {
    private final String bootstrapServers;
    private final String clientId;
    private volatile KafkaProducer<byte[], byte[]> producer;

    public DeadLetterPublisher(@ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers,
            @ConfigProperty(name = "quarkus.application.name") String applicationName) {
        this.bootstrapServers = bootstrapServers;
        this.clientId = applicationName + "-dead-letter-replay";
    }

    /** Completes when the broker has the record, back on the caller's Vert.x context when it had one. */
    public Uni<RecordMetadata> send(ProducerRecord<byte[], byte[]> record) {
        return Uni.createFrom().deferred(() -> {
            Context caller = Vertx.currentContext();
            Uni<RecordMetadata> sent = Uni.createFrom().<RecordMetadata>emitter(emitter -> {
                try {
                    producer().send(record, (metadata, failure) -> {
                        if (failure == null) {
                            emitter.complete(metadata);
                        } else {
                            emitter.fail(failure);
                        }
                    });
                } catch (RuntimeException e) {
                    emitter.fail(e);
                }
            })
                    // send() can block while it fetches metadata: keep it off the event loop.
                    .runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
            // The caller goes on with Hibernate Reactive, which must stay on its own context.
            return caller == null ? sent : sent.emitOn(task -> caller.runOnContext(ignored -> task.run()));
        });
    }

    private KafkaProducer<byte[], byte[]> producer() {
        KafkaProducer<byte[], byte[]> current = producer;
        if (current == null) {
            synchronized (this) {
                if (producer == null) {
                    producer = new KafkaProducer<>(config(), new ByteArraySerializer(), new ByteArraySerializer());
                }
                current = producer;
            }
        }
        return current;
    }

    private Properties config() {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ProducerConfig.CLIENT_ID_CONFIG, clientId);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
        props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 30_000);
        return props;
    }

    @PreDestroy
    void close() {
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
        }
    }
}
