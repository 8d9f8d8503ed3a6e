package dev.carrierhub.intake.writeback;

import dev.carrierhub.core.tracing.SpanAttributes;
import dev.carrierhub.core.tracing.TracedWork;
import dev.carrierhub.core.work.SingleFlightDrain;
import dev.carrierhub.intake.config.WriteBackConfig;
import dev.carrierhub.intake.repository.OdooWriteBack;
import dev.carrierhub.intake.repository.OdooWriteBackRepository;
import dev.carrierhub.intake.service.PickingAudit;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.trace.Span;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;
import org.jboss.logging.Logger;

/**
 * Sends the planned write-backs to Odoo, strictly in order per picking: only the oldest unsent write of a
 * picking is ever taken, and the next one waits until it is SENT (a FAILED one holds the picking's queue
 * until an operator replays it). Each write is claimed in one transaction (attempt counted, lease taken,
 * "outcome unknown" set), sent with no transaction open, and settled in a second transaction: SENT, retried
 * later with back-off while Odoo is unreachable, or FAILED (Odoo refused it, or it kept failing for
 * {@code give-up-after}), then dead-lettered. Every outcome goes to the picking's audit trail.
 */
@ApplicationScoped
public class WriteBackWorker {
    private static final Logger LOG = Logger.getLogger(WriteBackWorker.class);
    private static final int BATCH = 20;

    private final OdooWriteBackRepository writeBacks;
    private final OdooWriter writer;
    private final PickingAudit audit;
    private final WriteBackDeadLetters deadLetters;
    private final TracedWork tracedWork;
    private final MeterRegistry meters;
    private final WriteBackConfig config;
    private final RetrySchedule schedule;
    private final SingleFlightDrain drain;
    private final ExceptionAge exceptionAge;

    public WriteBackWorker(OdooWriteBackRepository writeBacks, OdooWriter writer, PickingAudit audit,
            WriteBackDeadLetters deadLetters, TracedWork tracedWork, MeterRegistry meters, WriteBackConfig config,
            ExceptionAge exceptionAge) {
        this.writeBacks = writeBacks;
        this.writer = writer;
        this.audit = audit;
        this.deadLetters = deadLetters;
        this.tracedWork = tracedWork;
        this.meters = meters;
        this.config = config;
        this.exceptionAge = exceptionAge;
        this.schedule = new RetrySchedule(config.retry().initialBackoff(), config.retry().maxBackoff(),
                config.giveUpAfter());
        this.drain = new SingleFlightDrain(this::sendDue, BATCH,
                failure -> LOG.warnf("write-back sending stopped, will resume on the next tick: %s", failure.toString()));
    }

    /** Asks for a round of sending: after a planning transaction committed, after a replay, after a write. */
    public void nudge() {
        drain.request();
    }

    @Scheduled(every = "${carrierhub.writeback.poll-interval:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void poll() {
        nudge();
    }

    Uni<Integer> sendDue() {
        return tracedWork.runUntraced(() -> Panache.withTransaction(this::claimDue))
                .chain(claims -> Multi.createFrom().iterable(claims)
                        .onItem().transformToUni(this::process).merge(Math.max(1, config.concurrency()))
                        .collect().asList()
                        .replaceWith(claims.size()))
                .call(() -> tracedWork.runUntraced(deadLetters::publishPending)
                        .onFailure().recoverWithItem(failure -> {
                            LOG.warnf("dead letters not published yet, will retry: %s", failure.toString());
                            return 0;
                        }));
    }

    /** Takes the due queue heads for this worker: one more attempt each, a lease, and the outcome marked unknown. */
    private Uni<List<Claim>> claimDue() {
        Instant now = Instant.now();
        // One row after another: a reactive session runs one statement at a time.
        return writeBacks.lockDueHeads(now, BATCH).chain(rows -> Multi.createFrom().iterable(rows)
                .onItem().transformToUniAndConcatenate(row -> {
                    boolean verify = row.outcomeUnknown;
                    row.attempts++;
                    row.outcomeUnknown = true;
                    row.firstAttemptAt = row.firstAttemptAt == null ? now : row.firstAttemptAt;
                    row.lastAttemptAt = now;
                    row.nextAttemptAt = now.plus(config.lease());
                    return attachmentIds(row).map(ids -> Claim.of(row, verify, ids));
                })
                .collect().asList());
    }

    /** A label note links the labels attached for the same event: they were sent before it, in order. */
    private Uni<List<Long>> attachmentIds(OdooWriteBack row) {
        if (!WriteBackKind.LABEL_NOTE.code().equals(row.kind)) {
            return Uni.createFrom().item(List.of());
        }
        String eventId = row.idempotencyKey.substring(0, row.idempotencyKey.length() - (":" + row.kind).length());
        // By shipment first: its index finds the few rows, where a LIKE on the key alone would read the table.
        return writeBacks.list("shipmentId = ?1 and idempotencyKey like ?2 and status = ?3 order by seq",
                        row.shipmentId, eventId + ":" + WriteBackKind.LABEL_ATTACHMENT.code() + ":%",
                        OdooWriteBack.Status.SENT)
                .map(attachments -> attachments.stream().map(a -> a.odooResultId).filter(id -> id != null).toList());
    }

    private Uni<Void> process(Claim claim) {
        return tracedWork.run("odoo write-back " + claim.kind(), claim.trace(), () -> {
            Span.current().setAttribute(SpanAttributes.SHIPMENT_ID, claim.shipmentId())
                    .setAttribute(SpanAttributes.TENANT, claim.tenant())
                    .setAttribute(SpanAttributes.ODOO_PICKING_ID, claim.pickingId());
            return writer.send(claim)
                    .onItemOrFailure().transformToUni((sent, failure) -> failure == null ? sent(claim, sent)
                            : failed(claim, WriteFailure.classify(failure)));
        }).onFailure().recoverWithItem(failure -> {
            // The settlement itself failed (database): the lease runs out and the write is checked and retried.
            LOG.warnf("write-back %s not settled, retried after its lease: %s", claim.id(), failure.toString());
            return null;
        });
    }

    private Uni<Void> sent(Claim claim, OdooWriter.Sent sent) {
        return settle(claim, row -> {
            Instant now = Instant.now();
            row.status = OdooWriteBack.Status.SENT;
            row.sentAt = now;
            row.odooResultId = sent.odooId();
            row.outcomeUnknown = false;
            row.nextAttemptAt = now;
            count(claim, sent.found() ? "found" : "sent");
            exceptionAge.activityWritten(claim, now);
            String detail = describe(row) + (sent.odooId() == null ? "" : " -> Odoo id " + sent.odooId())
                    + (sent.found() ? " (found in Odoo after an unknown outcome, not sent again)" : "")
                    + " after " + row.attempts + " attempt(s)";
            return audit.writeBack(row, OdooWriteBack.Status.PLANNED, OdooWriteBack.Status.SENT, detail);
        }).invoke(this::nudge);
    }

    private Uni<Void> failed(Claim claim, WriteFailure failure) {
        return settle(claim, row -> {
            Instant now = Instant.now();
            row.lastError = failure.storedMessage();
            // Still unknown if this attempt may have landed, or if it never got to check the previous one.
            row.outcomeUnknown = claim.verify() || failure.outcomeUnknown();
            if (failure.retryable() && !schedule.givesUp(row.firstAttemptAt, now)) {
                row.nextAttemptAt = schedule.nextAttempt(row.attempts, now, failure.retryAfter());
                count(claim, "retry");
                LOG.debugf("write-back %s (%s) attempt %d failed, next at %s: %s", row.id, row.kind, row.attempts,
                        row.nextAttemptAt, row.lastError);
                return Uni.createFrom().voidItem();
            }
            row.status = OdooWriteBack.Status.FAILED;
            row.failure = failure.retryable() ? OdooWriteBack.Failure.GAVE_UP : OdooWriteBack.Failure.PERMANENT;
            row.failedAt = now;
            row.nextAttemptAt = now;
            row.deadLetteredAt = null;
            count(claim, row.failure == OdooWriteBack.Failure.GAVE_UP ? "gave-up" : "failed");
            LOG.warnf("write-back %s (%s for %s/%d) FAILED after %d attempt(s), %s: %s", row.id, row.kind, row.tenant,
                    row.pickingId, row.attempts, row.failure, row.lastError);
            return audit.writeBack(row, OdooWriteBack.Status.PLANNED, OdooWriteBack.Status.FAILED,
                    describe(row) + " " + row.failure + " after " + row.attempts + " attempt(s): " + row.lastError);
        });
    }

    /**
     * Applies an outcome in its own transaction, if the row is still this claim's: a worker whose lease ran
     * out (and whose write another worker has since taken over) leaves it alone.
     */
    private Uni<Void> settle(Claim claim, Function<OdooWriteBack, Uni<Void>> outcome) {
        return Panache.withTransaction(() -> writeBacks.lock(claim.id()).chain(row -> {
            if (row == null || row.status != OdooWriteBack.Status.PLANNED || row.attempts != claim.attempt()) {
                LOG.infof("write-back %s was taken over by another worker; this attempt's outcome is not stored",
                        claim.id());
                return Uni.createFrom().voidItem();
            }
            return outcome.apply(row);
        }));
    }

    private static String describe(OdooWriteBack row) {
        return row.model + "." + row.method + " [" + row.idempotencyKey + "]";
    }

    private void count(Claim claim, String outcome) {
        meters.counter("carrierhub.intake.writebacks", "kind", claim.kind(), "outcome", outcome).increment();
    }
}
