package dev.carrierhub.intake.service;

import com.fasterxml.jackson.databind.JsonNode;
import dev.carrierhub.contracts.shipment.ShipmentIds;
import dev.carrierhub.core.tracing.TraceContext;
import dev.carrierhub.intake.repository.WebhookEvent;
import dev.carrierhub.intake.repository.WebhookEventRepository;
import dev.carrierhub.intake.webhook.OdooModels;
import dev.carrierhub.intake.webhook.OdooWebhook;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.UUID;

/**
 * Stores an authenticated webhook exactly as received, with its entry in the picking's audit trail, and
 * hands it to the processor. Odoo waits at most one second and never retries, so nothing slow happens
 * before the answer.
 */
@ApplicationScoped
public class WebhookIntakeService {
    private final WebhookEventRepository events;
    private final WebhookProcessor processor;
    private final PickingAudit audit;

    public WebhookIntakeService(WebhookEventRepository events, WebhookProcessor processor, PickingAudit audit) {
        this.events = events;
        this.processor = processor;
        this.audit = audit;
    }

    public Uni<Accepted> accept(String tenant, OdooWebhook webhook, String rawBody) {
        WebhookEvent event = new WebhookEvent();
        event.id = UUID.randomUUID();
        event.tenant = tenant;
        event.model = webhook.model();
        event.recordId = webhook.recordId();
        event.action = webhook.action();
        event.body = rawBody;
        event.claimedState = claimedState(webhook);
        event.receivedAt = Instant.now();
        event.status = WebhookEvent.Status.RECEIVED;
        event.nextAttemptAt = event.receivedAt;
        TraceContext trace = TraceContext.current();
        event.traceparent = trace.traceparent();
        event.tracestate = trace.tracestate();
        String shipmentId = OdooModels.STOCK_PICKING.equals(webhook.model())
                ? ShipmentIds.forPicking(tenant, webhook.recordId()) : null;
        return Panache.withTransaction(() -> events.persist(event)
                        .call(stored -> audit.webhookAccepted(tenant, webhook.model(), webhook.recordId(), stored.id,
                                webhook.action(), shipmentId)))
                .invoke(processor::nudge)
                .map(stored -> new Accepted(stored.id, shipmentId));
    }

    /** The state field of the webhook, when the rule sends it. */
    private static String claimedState(OdooWebhook webhook) {
        JsonNode state = webhook.fields().path("state");
        return state.isTextual() ? state.asText() : null;
    }

    /** What the webhook caller is told: the stored event and the shipment it will become (none for a sale order). */
    public record Accepted(UUID eventId, String shipmentId) {
    }
}
