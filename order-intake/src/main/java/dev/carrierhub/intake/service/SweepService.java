package dev.carrierhub.intake.service;

import dev.carrierhub.intake.client.ChangedPicking;
import dev.carrierhub.intake.client.ChangedPickingsQuery;
import dev.carrierhub.intake.config.SweepConfig;
import dev.carrierhub.intake.repository.IntakeShipmentRepository;
import dev.carrierhub.intake.repository.SweepWatermark;
import dev.carrierhub.intake.repository.SweepWatermarkRepository;
import dev.carrierhub.intake.repository.WebhookEvent;
import dev.carrierhub.intake.repository.WebhookEventRepository;
import dev.carrierhub.intake.webhook.OdooModels;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * The safety net under Odoo's webhooks, which are sent once, before the commit, and never retried: asks a
 * tenant's Odoo for the outgoing pickings changed since the watermark that are ready (or cancelled), and
 * queues the ones no webhook brought as events of the webhook queue. The same processor handles both, so
 * a picking becomes one shipment (or one cancellation) however it arrives.
 */
@ApplicationScoped
public class SweepService {
    private static final Logger LOG = Logger.getLogger(SweepService.class);
    static final String SWEEP_ACTION = "sweep";

    private final SweepConfig config;
    private final ChangedPickingsQuery query;
    private final SweepWatermarkRepository watermarks;
    private final IntakeShipmentRepository shipments;
    private final WebhookEventRepository events;
    private final WebhookProcessor processor;
    private final PickingAudit audit;
    private final MeterRegistry meters;

    public SweepService(SweepConfig config, ChangedPickingsQuery query, SweepWatermarkRepository watermarks,
            IntakeShipmentRepository shipments, WebhookEventRepository events, WebhookProcessor processor,
            PickingAudit audit, MeterRegistry meters) {
        this.config = config;
        this.query = query;
        this.watermarks = watermarks;
        this.shipments = shipments;
        this.events = events;
        this.processor = processor;
        this.audit = audit;
        this.meters = meters;
    }

    /** Sweeps one tenant now, unless another replica holds its lease; call on a Vert.x context that may use Hibernate. */
    public Uni<SweepReport> sweep(String tenant) {
        Instant now = Instant.now();
        return Panache.withTransaction(() -> watermarks.lease(tenant, now, now.plus(config.lease())))
                .chain(leased -> leased ? sweepLeased(tenant, now) : Uni.createFrom().item(SweepReport.leasedElsewhere(tenant)));
    }

    private Uni<SweepReport> sweepLeased(String tenant, Instant now) {
        return Panache.withSession(() -> watermarks.findById(tenant)).chain(mark -> {
            Instant since = mark.watermark == null ? now.minus(config.initialLookBack())
                    : mark.watermark.minus(config.overlap());
            return query.changedSince(tenant, since, config.readyStates(), config.pageSize())
                    .chain(found -> queueMissed(tenant, since, found))
                    .invoke(report -> {
                        if (report.queued() > 0) {
                            processor.nudge();
                        }
                        meters.counter("carrierhub.intake.sweep.queued", "tenant", tenant).increment(report.queued());
                    })
                    .onFailure().call(failure -> {
                        meters.counter("carrierhub.intake.sweep.failures", "tenant", tenant).increment();
                        return releaseLease(tenant);
                    });
        });
    }

    /** In one transaction: queue what no webhook brought, move the watermark, give the lease back. */
    private Uni<SweepReport> queueMissed(String tenant, Instant since, List<ChangedPicking> found) {
        List<Long> ids = found.stream().map(ChangedPicking::pickingId).distinct().toList();
        return Panache.withTransaction(() -> shipments.forPickings(tenant, ids)
                .chain(known -> events.forPickings(tenant, ids)
                        .map(heard -> SweepSelection.missed(found, known, heard)))
                .chain(missed -> Multi.createFrom().iterable(missed)
                        .onItem().transformToUniAndConcatenate(picking -> queue(tenant, picking))
                        .collect().asList()
                        .chain(queued -> watermarks.findById(tenant).map(mark -> advance(mark, found, queued.size())))
                        .map(mark -> {
                            if (!missed.isEmpty()) {
                                LOG.infof("sweep of %s: %d changed pickings, %d without a webhook, queued", tenant,
                                        found.size(), missed.size());
                            }
                            return new SweepReport(tenant, false, found.size(), missed.size(), since, mark.watermark);
                        })));
    }

    private Uni<WebhookEvent> queue(String tenant, ChangedPicking picking) {
        WebhookEvent event = new WebhookEvent();
        event.id = UUID.randomUUID();
        event.tenant = tenant;
        event.model = OdooModels.STOCK_PICKING;
        event.recordId = picking.pickingId();
        event.action = SWEEP_ACTION;
        event.body = picking.row().toString();
        event.receivedAt = Instant.now();
        event.status = WebhookEvent.Status.RECEIVED;
        event.nextAttemptAt = event.receivedAt;
        event.claimedState = picking.state();
        event.source = WebhookEvent.Source.SWEEP;
        // No trace yet: the processing of the event starts the shipment's trace, as for a webhook with none.
        return events.persist(event).call(audit::sweepFound);
    }

    private static SweepWatermark advance(SweepWatermark mark, List<ChangedPicking> found, int queued) {
        for (ChangedPicking picking : found) {
            if (picking.writeDate() != null && (mark.watermark == null || picking.writeDate().isAfter(mark.watermark))) {
                mark.watermark = picking.writeDate();
            }
        }
        mark.lastRunAt = Instant.now();
        mark.lastFound = found.size();
        mark.lastQueued = queued;
        mark.leasedUntil = null;
        return mark;
    }

    private Uni<Void> releaseLease(String tenant) {
        return Panache.withTransaction(() -> watermarks.findById(tenant).invoke(mark -> {
            if (mark != null) {
                mark.leasedUntil = null;
            }
        })).replaceWithVoid().onFailure().recoverWithNull();
    }
}
