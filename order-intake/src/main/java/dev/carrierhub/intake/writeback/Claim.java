package dev.carrierhub.intake.writeback;

import dev.carrierhub.core.tracing.TraceContext;
import dev.carrierhub.intake.repository.OdooWriteBack;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A write-back one worker holds for one attempt, copied out of its transaction so the Odoo call runs
 * without a database transaction open.
 *
 * @param attempt       the row's attempt count after this claim; a settlement for another count is stale
 * @param verify        the previous attempt may have reached Odoo: check Odoo before repeating the call
 * @param attachmentIds for a label note: the Odoo ids of the labels attached before it
 */
public record Claim(UUID id, int attempt, String idempotencyKey, String shipmentId, String tenant, long pickingId,
        String kind, String model, String method, String payload, Instant plannedAt, boolean verify,
        List<Long> attachmentIds, TraceContext trace) {

    public Claim {
        attachmentIds = attachmentIds == null ? List.of() : List.copyOf(attachmentIds);
    }

    static Claim of(OdooWriteBack row, boolean verify, List<Long> attachmentIds) {
        return new Claim(row.id, row.attempts, row.idempotencyKey, row.shipmentId, row.tenant, row.pickingId, row.kind,
                row.model, row.method, row.payload, row.plannedAt, verify, attachmentIds,
                new TraceContext(row.traceparent, row.tracestate));
    }
}
