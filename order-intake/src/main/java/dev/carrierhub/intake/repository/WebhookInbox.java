package dev.carrierhub.intake.repository;

import dev.carrierhub.core.audit.AuditEntry;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.ZoneOffset;

/**
 * Stores an accepted webhook and its audit entry in one SQL statement: one round trip, atomic by itself.
 * This is the path Odoo waits on (at most one second, and a burst of validations sends hundreds of
 * webhooks a second), so it skips the ORM's transaction, flush and identity round trips.
 */
@ApplicationScoped
public class WebhookInbox {
    private static final String STORE = """
            with stored as (
                insert into webhook_event (id, tenant, model, record_id, action, body, received_at, status, attempts,
                                           next_attempt_at, claimed_state, source, traceparent, tracestate)
                values ($1, $2, $3, $4, $5, $6, $7, 'RECEIVED', 0, $7, $8, 'WEBHOOK', $9, $10)
            )
            insert into audit_entry (actor, occurred_at, entity_type, entity_id, from_state, to_state, detail,
                                     correlation_id, traceparent)
            values ($11, $12, $13, $14, $15, $16, $17, $18, $19)""";

    private final Pool pool;

    public WebhookInbox(Pool pool) {
        this.pool = pool;
    }

    public Uni<Void> store(WebhookEvent event, AuditEntry entry) {
        Tuple values = Tuple.tuple()
                .addUUID(event.id).addString(event.tenant).addString(event.model).addLong(event.recordId)
                .addString(event.action).addString(event.body)
                .addOffsetDateTime(event.receivedAt.atOffset(ZoneOffset.UTC))
                .addString(event.claimedState).addString(event.traceparent).addString(event.tracestate)
                .addString(entry.actor).addOffsetDateTime(entry.occurredAt.atOffset(ZoneOffset.UTC))
                .addString(entry.entityType).addString(entry.entityId).addString(entry.fromState)
                .addString(entry.toState).addString(entry.detail).addString(entry.correlationId)
                .addString(entry.traceparent);
        return pool.preparedQuery(STORE).execute(values).replaceWithVoid();
    }
}
