package dev.carrierhub.intake.service;

import com.fasterxml.jackson.databind.JsonNode;
import dev.carrierhub.contracts.shipment.ShipmentIds;
import dev.carrierhub.core.tracing.TraceContext;
import dev.carrierhub.intake.repository.WebhookEvent;
import dev.carrierhub.intake.repository.WebhookInbox;
import dev.carrierhub.intake.webhook.OdooModels;
import dev.carrierhub.intake.webhook.OdooWebhook;
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
    private final WebhookInbox inbox;
    private final WebhookProcessor processor;
    private final PickingAudit audit;

    public WebhookIntakeService(WebhookInbox inbox, WebhookProcessor processor, PickingAudit audit) {
        this.inbox = inbox;
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
        return inbox.store(event, audit.webhookAccepted(tenant, webhook.model(), webhook.recordId(), event.id,
                        webhook.action(), shipmentId))
                .invoke(processor::nudge)
                .map(stored -> new Accepted(event.id, shipmentId));
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
