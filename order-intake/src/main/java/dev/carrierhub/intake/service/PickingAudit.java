package dev.carrierhub.intake.service;

import dev.carrierhub.core.audit.AuditEntry;
import dev.carrierhub.core.audit.AuditEntryRepository;
import dev.carrierhub.core.audit.AuditTrail;
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

    /** A webhook was stored: for a picking, or for a sale order (which has no shipment of its own). */
    public Uni<Void> webhookAccepted(String tenant, String model, long recordId, UUID eventId, String action,
            String shipmentId) {
        String entity = shipmentId != null ? PICKING : SALE_ORDER;
        return trail.append(entity, entityId(tenant, recordId), null, "webhook:RECEIVED",
                "webhook " + eventId + " from " + model + (action == null ? "" : " (" + action + ")"), shipmentId);
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
