package dev.carrierhub.intake.writeback;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.carrierhub.contracts.Json;
import dev.carrierhub.intake.repository.OdooWriteBack;
import dev.carrierhub.intake.repository.OdooWriteBackRepository;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.runtime.annotations.RegisterForReflection;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Publishes every FAILED write-back to {@code odoo.writeback.dlq}, for alerting and for whoever watches
 * dead letters. The row is the record of truth (status FAILED, listed and replayed through the admin
 * API); the topic is a notification, so it is not a contract event and does not go through the outbox.
 * A row is marked once the broker acknowledged it, and publishing is retried on every poll until then:
 * a crash between the failure and the publication delays the dead letter, it never loses it.
 */
@ApplicationScoped
public class WriteBackDeadLetters {
    public static final String TOPIC = "odoo.writeback.dlq";
    static final String CHANNEL = "writeback-dead-letters";
    private static final int BATCH = 20;
    private static final Duration ACK_TIMEOUT = Duration.ofSeconds(15);
    private static final ObjectMapper JSON = Json.mapper();

    private final MutinyEmitter<String> emitter;
    private final OdooWriteBackRepository writeBacks;

    public WriteBackDeadLetters(@Channel(CHANNEL) MutinyEmitter<String> emitter, OdooWriteBackRepository writeBacks) {
        this.emitter = emitter;
        this.writeBacks = writeBacks;
    }

    /** Publishes the FAILED writes not yet published; tells how many it published. */
    public Uni<Integer> publishPending() {
        return Panache.withSession(() -> writeBacks.undeadLettered(BATCH))
                .chain(failed -> Multi.createFrom().iterable(failed)
                        .onItem().transformToUniAndConcatenate(row -> publish(row).chain(() -> mark(row.id, row.failedAt)))
                        .collect().asList()
                        .map(published -> published.size()));
    }

    private Uni<Void> publish(OdooWriteBack row) {
        RecordHeaders headers = new RecordHeaders();
        headers.add("content-type", "application/json".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        if (row.traceparent != null) {
            headers.add("traceparent", row.traceparent.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        Message<String> message = Message.of(json(DeadLetter.of(row))).addMetadata(
                OutgoingKafkaRecordMetadata.<String>builder().withKey(row.shipmentId).withHeaders(headers).build());
        return emitter.sendMessage(message).ifNoItem().after(ACK_TIMEOUT).fail();
    }

    /** Marks the row published, unless it was replayed (and failed again) meanwhile: then it goes out again. */
    private Uni<Void> mark(UUID id, Instant failedAt) {
        return Panache.withTransaction(() -> writeBacks.lock(id).invoke(row -> {
            if (row != null && row.status == OdooWriteBack.Status.FAILED && failedAt.equals(row.failedAt)) {
                row.deadLetteredAt = Instant.now();
            }
        })).replaceWithVoid();
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The dead letter's JSON: what failed, why, and where an operator replays it. */
    // Written with Jackson's ObjectMapper: registered so native executables can serialise it too.
    @RegisterForReflection
    public record DeadLetter(String writeBackId, String idempotencyKey, String shipmentId, String tenant,
            long pickingId, String kind, String model, String method, String failure, String lastError, int attempts,
            Instant plannedAt, Instant firstAttemptAt, Instant failedAt, String replay) {
        static DeadLetter of(OdooWriteBack row) {
            return new DeadLetter(row.id.toString(), row.idempotencyKey, row.shipmentId, row.tenant, row.pickingId,
                    row.kind, row.model, row.method, row.failure == null ? null : row.failure.name(), row.lastError,
                    row.attempts, row.plannedAt, row.firstAttemptAt, row.failedAt,
                    "POST /admin/writebacks/" + row.id + "/replay");
        }
    }
}
