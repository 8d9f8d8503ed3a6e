package dev.carrierhub.intake.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.carrierhub.contracts.events.ShipmentException;
import dev.carrierhub.contracts.events.ShipmentLabeled;
import dev.carrierhub.contracts.events.TrackingUpdated;
import dev.carrierhub.intake.repository.IntakeShipment;
import dev.carrierhub.intake.repository.IntakeShipmentRepository;
import dev.carrierhub.intake.repository.OdooWriteBack;
import dev.carrierhub.intake.repository.OdooWriteBackRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;

/**
 * Records what happened to a shipment and plans the matching Odoo write-backs. Runs inside the idempotent
 * consumer's transaction, so an event is applied and planned exactly once.
 */
@ApplicationScoped
public class WriteBackService {
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
                        shipment.status = IntakeShipment.Status.LABELED;
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
                        shipment.status = IntakeShipment.Status.EXCEPTION;
                        shipment.updatedAt = Instant.now();
                    }
                })
                .chain(() -> plan(planner.forException(eventId, exception)));
    }

    private Uni<Void> plan(List<OdooWriteBack> plan) {
        return writeBacks.persist(plan).replaceWithVoid();
    }
}
