package dev.carrierhub.intake.writeback;

import dev.carrierhub.core.problem.ProblemException;
import dev.carrierhub.intake.repository.OdooWriteBack;
import dev.carrierhub.intake.repository.OdooWriteBackRepository;
import dev.carrierhub.intake.service.PickingAudit;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response.Status;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;

/** What operators do with write-backs: look at them, and replay a FAILED one once its cause is fixed. */
@ApplicationScoped
public class WriteBackOperations {
    private final OdooWriteBackRepository writeBacks;
    private final PickingAudit audit;
    private final WriteBackWorker worker;

    public WriteBackOperations(OdooWriteBackRepository writeBacks, PickingAudit audit, WriteBackWorker worker) {
        this.writeBacks = writeBacks;
        this.audit = audit;
        this.worker = worker;
    }

    /** Newest first; {@code tenants} null means every tenant. */
    public Uni<List<OdooWriteBack>> list(OdooWriteBack.Status status, Collection<String> tenants, Long pickingId,
            int limit) {
        return Panache.withSession(() -> writeBacks.search(status, tenants, pickingId, limit));
    }

    /**
     * Puts a FAILED write back in its picking's queue, at its head: attempts go on counting, the give-up
     * clock starts again, and a write whose last outcome is unknown is still checked in Odoo before it is
     * repeated. The writes queued behind it follow once it is SENT.
     */
    public Uni<OdooWriteBack> replay(UUID id, String operator, Predicate<String> mayTouchTenant) {
        return Panache.withTransaction(() -> writeBacks.lock(id).chain(row -> {
            if (row == null || !mayTouchTenant.test(row.tenant)) {
                throw new ProblemException(Status.NOT_FOUND, "writeback-not-found", "No write-back " + id + ".");
            }
            if (row.status != OdooWriteBack.Status.FAILED) {
                throw new ProblemException(Status.CONFLICT, "writeback-not-failed",
                        "Write-back " + id + " is " + row.status + "; only a FAILED write-back can be replayed.");
            }
            Instant now = Instant.now();
            OdooWriteBack.Failure was = row.failure;
            row.status = OdooWriteBack.Status.PLANNED;
            row.replays++;
            row.failure = null;
            row.failedAt = null;
            row.firstAttemptAt = null;
            row.nextAttemptAt = now;
            return audit.writeBack(row, OdooWriteBack.Status.FAILED, OdooWriteBack.Status.PLANNED,
                            "replayed by " + operator + " (was " + was + ": " + row.lastError + ")")
                    .replaceWith(row);
        })).invoke(worker::nudge);
    }
}
