package dev.carrierhub.intake.service;

import dev.carrierhub.core.audit.AuditEntry;
import dev.carrierhub.core.audit.AuditEntryRepository;
import dev.carrierhub.core.audit.AuditTrail;
import dev.carrierhub.intake.repository.WebhookEvent;
import dev.carrierhub.intake.repository.OdooWriteBack;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

/**
 * What happened to an Odoo picking on its way in and out, in the shared audit trail: each accepted
 * webhook and each write-back outcome, as entity {@code picking} {@code <tenant>/<picking id>},
 * correlated by shipment id. Appends join the caller's transaction.
 */
@ApplicationScoped
public class PickingAudit {
    public static final String PICKING = "picking";
    public static final String SALE_ORDER = "sale-order";

    private final AuditTrail trail;
    private final AuditEntryRepository entries;

    public PickingAudit(AuditTrail trail, AuditEntryRepository entries) {
        this.trail = trail;
        this.entries = entries;
    }

    public static String entityId(String tenant, long recordId) {
        return tenant + "/" + recordId;
    }

    /**
     * The entry for a stored webhook, for a picking or for a sale order (which has no shipment of its own);
     * the intake writes it in the same statement as the webhook.
     */
    public AuditEntry webhookAccepted(String tenant, String model, long recordId, UUID eventId, String action,
            String shipmentId) {
        String entity = shipmentId != null ? PICKING : SALE_ORDER;
        return trail.entry(entity, entityId(tenant, recordId), null, "webhook:RECEIVED",
                "webhook " + eventId + " from " + model + (action == null ? "" : " (" + action + ")"), shipmentId);
    }

    /** The picking became a shipment; a backorder says which picking it is the rest of. */
    public Uni<Void> shipmentRequested(WebhookEvent event, String shipmentId, String backorderOf) {
        return trail.append(PICKING, entityId(event.tenant, event.recordId), null, "shipment:REQUESTED",
                "from " + describe(event) + (backorderOf == null ? "" : ", backorder of " + backorderOf), shipmentId);
    }

    /** The picking was cancelled in Odoo after its shipment was made: label-service is asked to void the label. */
    public Uni<Void> shipmentCancelRequested(WebhookEvent event, String shipmentId, String statusBefore) {
        return trail.append(PICKING, entityId(event.tenant, event.recordId), "shipment:" + statusBefore,
                "shipment:CANCEL_REQUESTED", "picking cancelled in Odoo, seen by " + describe(event), shipmentId);
    }

    /** A webhook that asks for nothing (not outgoing, not ready, cancelled before any shipment). */
    public Uni<Void> webhookIgnored(WebhookEvent event, String reason) {
        return trail.append(PICKING, entityId(event.tenant, event.recordId), "webhook:RECEIVED", "webhook:IGNORED",
                describe(event) + ": " + reason, null);
    }

    /** A webhook (or sweep event) about a picking whose shipment, or cancellation, was already made. */
    public Uni<Void> webhookDuplicate(WebhookEvent event, String shipmentId) {
        return trail.append(PICKING, entityId(event.tenant, event.recordId), "webhook:RECEIVED", "webhook:DUPLICATE",
                describe(event) + ": already handled", shipmentId);
    }

    /** The sweep found a picking that no webhook had brought, and queued it like one. */
    public Uni<Void> sweepFound(WebhookEvent event) {
        return trail.append(PICKING, entityId(event.tenant, event.recordId), null, "sweep:FOUND",
                "sweep event " + event.id + " (picking " + event.claimedState + " in Odoo, no webhook seen)",
                event.shipmentId);
    }

    private static String describe(WebhookEvent event) {
        return (event.source == WebhookEvent.Source.SWEEP ? "sweep event " : "webhook ") + event.id;
    }

    /** A write-back changed status: {@code <kind>:<from>} to {@code <kind>:<to>}. */
    public Uni<Void> writeBack(OdooWriteBack writeBack, OdooWriteBack.Status from, OdooWriteBack.Status to,
            String detail) {
        return trail.append(PICKING, entityId(writeBack.tenant, writeBack.pickingId), writeBack.kind + ":" + from,
                writeBack.kind + ":" + to, detail, writeBack.shipmentId);
    }

    public Uni<List<AuditEntry>> forPicking(String tenant, long pickingId) {
        return entries.forEntity(PICKING, entityId(tenant, pickingId));
    }
}
