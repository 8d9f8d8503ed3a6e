package dev.carrierhub.intake.service;

import dev.carrierhub.contracts.events.ShipmentException;
import dev.carrierhub.contracts.events.ShipmentRequested;
import dev.carrierhub.contracts.shipment.OdooPickingRef;
import dev.carrierhub.contracts.shipment.Shipment;
import dev.carrierhub.contracts.shipment.ShipmentIds;
import dev.carrierhub.core.outbox.Outbox;
import dev.carrierhub.core.outbox.Transactions;
import dev.carrierhub.core.tracing.TraceContext;
import dev.carrierhub.core.tracing.TracedWork;
import dev.carrierhub.core.work.SingleFlightDrain;
import dev.carrierhub.contracts.events.ShipmentCancelRequested;
import dev.carrierhub.intake.client.OdooPickingReader;
import dev.carrierhub.intake.client.PickingHeader;
import dev.carrierhub.intake.client.PickingSnapshot;
import dev.carrierhub.intake.config.RulesConfig;
import dev.carrierhub.intake.mapping.PickingMappingException;
import dev.carrierhub.intake.repository.IntakeShipment;
import dev.carrierhub.intake.repository.IntakeShipmentRepository;
import dev.carrierhub.intake.repository.WebhookEvent;
import dev.carrierhub.intake.repository.WebhookEventRepository;
import dev.carrierhub.intake.validation.Violation;
import dev.carrierhub.intake.webhook.OdooModels;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Turns stored webhooks into shipments: reads the picking from Odoo (retrying while Odoo has not
 * committed it yet), maps it with the tenant's mapping tables, validates it against the tenant's rules,
 * and in one transaction creates the shipment and its {@code shipment.requested} event. A picking that
 * fails validation becomes one {@code shipment.exception} listing every failed rule. A picking already
 * known is settled as a duplicate; a picking cancelled after its shipment was made becomes one
 * {@code shipment.cancel-requested}; a backorder is a picking of its own, so it becomes a shipment of its
 * own (see {@link PickingDisposition}). A sale-order webhook is only acknowledged: the picking webhook that
 * follows it carries the delivery.
 */
@ApplicationScoped
public class WebhookProcessor {
    private static final Logger LOG = Logger.getLogger(WebhookProcessor.class);
    private static final int BATCH = 20;
    private static final int MAX_ATTEMPTS = 8;
    /**
     * A webhook whose change a read still does not show after this many tries (about 4 s) is taken for a
     * change Odoo rolled back (it sends the webhook before it commits), and the read is believed instead.
     */
    private static final int MAX_ATTEMPTS_FOR_A_STALE_READ = 5;
    private static final Duration FIRST_RETRY = Duration.ofMillis(250);
    private static final Duration LONGEST_RETRY = Duration.ofSeconds(30);

    private final WebhookEventRepository events;
    private final IntakeShipmentRepository shipments;
    private final OdooPickingReader reader;
    private final Outbox outbox;
    private final Transactions transactions;
    private final TracedWork tracedWork;
    private final MeterRegistry meters;
    private final MappingService mappings;
    private final RulesConfig rules;
    private final ShipmentGovernance governance = new ShipmentGovernance();
    private final PickingAudit audit;
    /**
     * Events processed at once. Each waits mostly on Odoo (about ten reads of some 40 ms each), so a few at a
     * time drain a burst several times faster without asking more of Odoo than a few users would. Two events
     * of one picking processed at once still make one shipment: the shipment row is unique per picking.
     */
    private final int concurrency;
    private final SingleFlightDrain drain;

    public WebhookProcessor(WebhookEventRepository events, IntakeShipmentRepository shipments,
            OdooPickingReader reader, Outbox outbox, Transactions transactions, TracedWork tracedWork,
            MeterRegistry meters, MappingService mappings, RulesConfig rules, PickingAudit audit,
            @ConfigProperty(name = "carrierhub.intake.concurrency", defaultValue = "4") int concurrency) {
        this.audit = audit;
        this.concurrency = Math.max(1, concurrency);
        this.events = events;
        this.shipments = shipments;
        this.reader = reader;
        this.outbox = outbox;
        this.transactions = transactions;
        this.tracedWork = tracedWork;
        this.meters = meters;
        this.mappings = mappings;
        this.rules = rules;
        this.drain = new SingleFlightDrain(this::processDue, BATCH,
                failure -> LOG.warnf("webhook processing stopped, will resume on the next tick: %s", failure.toString()));
    }

    public void nudge() {
        drain.request();
    }

    @Scheduled(every = "${carrierhub.intake.poll-interval:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void poll() {
        nudge();
    }

    Uni<Integer> processDue() {
        return tracedWork.runUntraced(() -> Panache.withSession(() -> events.due(Instant.now(), BATCH)))
                .chain(due -> Multi.createFrom().iterable(due)
                        .onItem().transformToUni(this::process).merge(concurrency)
                        .collect().asList()
                        .replaceWith(due.size()));
    }

    private Uni<Void> process(WebhookEvent event) {
        TraceContext trace = new TraceContext(event.traceparent, event.tracestate);
        if (OdooModels.SALE_ORDER.equals(event.model)) {
            return tracedWork.run("odoo webhook process", trace, () -> acknowledgeSaleOrder(event));
        }
        return tracedWork.run("odoo webhook process", trace, () -> reader.header(event.tenant, event.recordId)
                .chain(picking -> picking.isEmpty()
                        ? retryLater(event, "picking " + event.recordId + " is not visible in Odoo yet")
                        : dispose(event, picking.get()))
                .onFailure(PickingMappingException.class).recoverWithUni(e -> reject(event, (PickingMappingException) e))
                .onFailure().recoverWithUni(e -> retryLater(event, e.toString())));
    }

    private Uni<Void> dispose(WebhookEvent event, PickingHeader picking) {
        return Panache.withSession(() -> shipments.findByPicking(event.tenant, event.recordId)).chain(existing -> {
            PickingDisposition.Decision decision = PickingDisposition.decide(picking, event.claimedState, existing,
                    event.attempts + 1 < MAX_ATTEMPTS_FOR_A_STALE_READ);
            return switch (decision.action()) {
                case SHIP -> reader.snapshot(event.tenant, picking)
                        .chain(snapshot -> settle(event, snapshot, picking.backorderOf()));
                case DUPLICATE -> duplicate(event, existing.id);
                case CANCEL -> cancel(event, picking);
                case IGNORE -> ignore(event, decision.reason());
                case WAIT -> retryLater(event, decision.reason());
            };
        });
    }

    private Uni<Void> settle(WebhookEvent event, PickingSnapshot picking, String backorderOf) {
        return mappings.mappings(event.tenant).chain(tenantMappings -> {
            ShipmentGovernance.Accepted accepted = governance.prepare(event.tenant, picking, tenantMappings,
                    mappings.odooUnits(event.tenant), rules.policy(event.tenant));
            count(accepted.shipment().shipmentId(), accepted.warnings());
            return request(event, accepted.shipment(), backorderOf);
        });
    }

    private Uni<Void> request(WebhookEvent event, Shipment shipment, String backorderOf) {
        return transactions.inTransaction(() -> events.lock(event.id).chain(locked -> {
            if (locked == null || locked.status != WebhookEvent.Status.RECEIVED) {
                return Uni.createFrom().voidItem();
            }
            return shipments.findByPicking(event.tenant, event.recordId).chain(existing -> {
                locked.shipmentId = shipment.shipmentId();
                if (existing != null) {
                    return settleDuplicate(locked, existing.id);
                }
                locked.status = WebhookEvent.Status.PROCESSED;
                meters.counter("carrierhub.intake.webhooks", "outcome", "shipment").increment();
                return shipments.persist(newShipment(shipment))
                        .chain(() -> outbox.append(new ShipmentRequested(shipment, Instant.now())))
                        .chain(() -> audit.shipmentRequested(event, shipment.shipmentId(), backorderOf));
            });
        }));
    }

    /**
     * The picking was cancelled after its shipment was made: mark the shipment and ask label-service to void
     * its label, once, however many cancel webhooks (or sweeps) report it.
     */
    private Uni<Void> cancel(WebhookEvent event, PickingHeader picking) {
        return transactions.inTransaction(() -> events.lock(event.id).chain(locked -> {
            if (locked == null || locked.status != WebhookEvent.Status.RECEIVED) {
                return Uni.createFrom().voidItem();
            }
            return shipments.lockByPicking(event.tenant, event.recordId).chain(shipment -> {
                locked.shipmentId = shipment.id;
                if (shipment.status == IntakeShipment.Status.CANCEL_REQUESTED) {
                    return settleDuplicate(locked, shipment.id);
                }
                IntakeShipment.Status before = shipment.status;
                shipment.status = IntakeShipment.Status.CANCEL_REQUESTED;
                shipment.updatedAt = Instant.now();
                locked.status = WebhookEvent.Status.PROCESSED;
                meters.counter("carrierhub.intake.webhooks", "outcome", "cancellation").increment();
                OdooPickingRef ref = new OdooPickingRef(event.tenant, event.recordId, picking.name(), null);
                return outbox.append(new ShipmentCancelRequested(shipment.id, ref,
                                "picking " + picking.name() + " was cancelled in Odoo", Instant.now()))
                        .chain(() -> audit.shipmentCancelRequested(event, shipment.id, before.name()));
            });
        }));
    }

    private Uni<Void> duplicate(WebhookEvent event, String shipmentId) {
        return transactions.inTransaction(() -> events.lock(event.id).chain(locked ->
                locked == null || locked.status != WebhookEvent.Status.RECEIVED ? Uni.createFrom().voidItem()
                        : settleDuplicate(locked, shipmentId)));
    }

    /** Inside the caller's transaction, with the event locked. */
    private Uni<Void> settleDuplicate(WebhookEvent locked, String shipmentId) {
        locked.status = WebhookEvent.Status.DUPLICATE;
        locked.shipmentId = shipmentId;
        meters.counter("carrierhub.intake.webhooks", "outcome", "duplicate").increment();
        return audit.webhookDuplicate(locked, shipmentId);
    }

    /** Nothing to ship or cancel; the webhook is settled with the reason, in the audit trail too. */
    private Uni<Void> ignore(WebhookEvent event, String reason) {
        return transactions.inTransaction(() -> events.lock(event.id).chain(locked -> {
            if (locked == null || locked.status != WebhookEvent.Status.RECEIVED) {
                return Uni.createFrom().voidItem();
            }
            locked.status = WebhookEvent.Status.IGNORED;
            locked.failure = reason;
            meters.counter("carrierhub.intake.webhooks", "outcome", "ignored").increment();
            return audit.webhookIgnored(event, reason);
        }));
    }

    /** For now a sale order creates nothing: its delivery order's own webhook follows (Odoo sends it second). */
    private Uni<Void> acknowledgeSaleOrder(WebhookEvent event) {
        return transactions.inTransaction(() -> events.lock(event.id).chain(locked -> {
            if (locked != null && locked.status == WebhookEvent.Status.RECEIVED) {
                locked.status = WebhookEvent.Status.PROCESSED;
                meters.counter("carrierhub.intake.webhooks", "outcome", "sale-order").increment();
            }
            return Uni.createFrom().voidItem();
        }));
    }

    private Uni<Void> reject(WebhookEvent event, PickingMappingException reason) {
        String shipmentId = ShipmentIds.forPicking(event.tenant, event.recordId);
        return transactions.inTransaction(() -> events.lock(event.id).chain(locked -> {
            if (locked == null || locked.status != WebhookEvent.Status.RECEIVED) {
                return Uni.createFrom().voidItem();
            }
            locked.status = WebhookEvent.Status.FAILED;
            locked.failure = reason.getMessage();
            locked.shipmentId = shipmentId;
            meters.counter("carrierhub.intake.webhooks", "outcome", "rejected").increment();
            count(shipmentId, reason.violations());
            return outbox.append(new ShipmentException(shipmentId,
                    new OdooPickingRef(event.tenant, event.recordId, null, null), "intake", reason.reasonCode(),
                    reason.getMessage(), null, false, Instant.now())).replaceWithVoid();
        }));
    }

    private Uni<Void> retryLater(WebhookEvent event, String why) {
        return transactions.inTransaction(() -> events.lock(event.id).chain(locked -> {
            if (locked == null || locked.status != WebhookEvent.Status.RECEIVED) {
                return Uni.createFrom().voidItem();
            }
            locked.attempts++;
            locked.failure = why;
            if (locked.attempts >= MAX_ATTEMPTS) {
                locked.status = WebhookEvent.Status.FAILED;
                meters.counter("carrierhub.intake.webhooks", "outcome", "failed").increment();
                LOG.warnf("webhook %s for %s/%d gave up after %d attempts: %s", locked.id, locked.tenant,
                        locked.recordId, locked.attempts, why);
            } else {
                locked.nextAttemptAt = Instant.now().plus(backoff(locked.attempts));
            }
            return Uni.createFrom().voidItem();
        }));
    }

    /** Counts every violation by code; the log names code and field only, never the address itself. */
    private void count(String shipmentId, List<Violation> violations) {
        for (Violation violation : violations) {
            meters.counter("carrierhub.intake.validation", "code", violation.code(), "severity",
                    violation.severity().name().toLowerCase()).increment();
            LOG.infof("shipment %s: %s %s at %s", shipmentId, violation.severity(), violation.code(), violation.field());
        }
    }

    static Duration backoff(int attempts) {
        Duration delay = FIRST_RETRY.multipliedBy(1L << Math.min(attempts - 1, 16));
        return delay.compareTo(LONGEST_RETRY) > 0 ? LONGEST_RETRY : delay;
    }

    private static IntakeShipment newShipment(Shipment shipment) {
        IntakeShipment row = new IntakeShipment();
        row.id = shipment.shipmentId();
        row.tenant = shipment.picking().tenant();
        row.pickingId = shipment.picking().pickingId();
        row.pickingName = shipment.picking().pickingName();
        row.status = IntakeShipment.Status.REQUESTED;
        row.createdAt = Instant.now();
        row.updatedAt = row.createdAt;
        return row;
    }
}
