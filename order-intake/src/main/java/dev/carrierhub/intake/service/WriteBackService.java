package dev.carrierhub.intake.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.carrierhub.contracts.events.BillingDiscrepancy;
import dev.carrierhub.contracts.events.LabelDeferred;
import dev.carrierhub.contracts.events.ShipmentException;
import dev.carrierhub.contracts.events.ShipmentVoided;
import dev.carrierhub.contracts.events.ShipmentLabeled;
import dev.carrierhub.contracts.events.TrackingUpdated;
import dev.carrierhub.contracts.shipment.OdooPickingRef;
import dev.carrierhub.core.tracing.TraceContext;
import dev.carrierhub.intake.repository.IntakeShipment;
import dev.carrierhub.intake.repository.IntakeShipmentRepository;
import dev.carrierhub.intake.repository.OdooWriteBack;
import dev.carrierhub.intake.repository.OdooWriteBackRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Records what happened to a shipment and plans the matching Odoo write-backs. Runs inside the idempotent
 * consumer's transaction, so an event is applied and planned exactly once; the write-back worker sends the
 * plan once that transaction has committed, in the trace of the event that planned it.
 */
@ApplicationScoped
public class WriteBackService {
    private static final Logger LOG = Logger.getLogger(WriteBackService.class);
    private final IntakeShipmentRepository shipments;
    private final OdooWriteBackRepository writeBacks;
    private final WriteBackPlanner planner;

    public WriteBackService(IntakeShipmentRepository shipments, OdooWriteBackRepository writeBacks, ObjectMapper mapper) {
        this.shipments = shipments;
        this.writeBacks = writeBacks;
        this.planner = new WriteBackPlanner(mapper);
    }

    public Uni<Void> labeled(String eventId, ShipmentLabeled labeled) {
        return shipments.findById(labeled.shipmentId())
                .invoke(shipment -> {
                    if (shipment != null) {
                        // A label that arrives after the picking was cancelled is voided by label-service.
                        shipment.status = keepCancellation(shipment, IntakeShipment.Status.LABELED);
                        shipment.carrier = labeled.carrier();
                        shipment.trackingNumber = labeled.trackingNumber();
                        shipment.updatedAt = Instant.now();
                    }
                })
                .chain(() -> plan(planner.forLabel(eventId, labeled)));
    }

    public Uni<Void> tracked(String eventId, TrackingUpdated update) {
        return shipments.findById(update.shipmentId())
                .invoke(shipment -> {
                    if (shipment != null) {
                        shipment.milestone = update.milestone().name();
                        shipment.updatedAt = Instant.now();
                    }
                })
                .chain(() -> plan(planner.forTracking(eventId, update)));
    }

    public Uni<Void> exception(String eventId, ShipmentException exception) {
        return shipments.findById(exception.shipmentId())
                .invoke(shipment -> {
                    if (shipment != null) {
                        shipment.status = keepCancellation(shipment, IntakeShipment.Status.EXCEPTION);
                        shipment.updatedAt = Instant.now();
                    }
                })
                .chain(() -> plan(planner.forException(eventId, exception)));
    }

    /** A voided label: a note on the picking; the shipment keeps its state (cancelled, as a rule). */
    public Uni<Void> voided(String eventId, ShipmentVoided voided) {
        return plan(planner.forVoid(eventId, voided));
    }

    /** A label delayed because the carrier is down: a note on the picking, once per deferral. */
    public Uni<Void> deferred(String eventId, LabelDeferred deferred) {
        return plan(planner.forDeferral(eventId, deferred));
    }

    private static IntakeShipment.Status keepCancellation(IntakeShipment shipment, IntakeShipment.Status next) {
        return shipment.status == IntakeShipment.Status.CANCEL_REQUESTED ? shipment.status : next;
    }

    /** A finance activity on the shipment's picking; the picking comes from the event or from the shipment row. */
    public Uni<Void> discrepancy(String eventId, BillingDiscrepancy discrepancy) {
        Uni<OdooPickingRef> picking = discrepancy.picking() != null ? Uni.createFrom().item(discrepancy.picking())
                : shipments.findById(discrepancy.shipmentId()).map(shipment -> shipment == null ? null
                        : new OdooPickingRef(shipment.tenant, shipment.pickingId, shipment.pickingName, null));
        return picking.chain(ref -> {
            if (ref == null) {
                LOG.infof("billing discrepancy %s: shipment %s has no Odoo picking, no activity planned", eventId,
                        discrepancy.shipmentId());
            }
            return plan(planner.forDiscrepancy(eventId, discrepancy, ref));
        });
    }

    private Uni<Void> plan(List<OdooWriteBack> plan) {
        TraceContext trace = TraceContext.current();
        plan.forEach(writeBack -> {
            writeBack.traceparent = trace.traceparent();
            writeBack.tracestate = trace.tracestate();
        });
        return writeBacks.persist(plan).replaceWithVoid();
    }
}
