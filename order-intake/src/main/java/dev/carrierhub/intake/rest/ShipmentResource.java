package dev.carrierhub.intake.rest;

import dev.carrierhub.core.problem.Problem;
import dev.carrierhub.core.problem.ProblemException;
import dev.carrierhub.intake.repository.IntakeShipment;
import dev.carrierhub.intake.repository.IntakeShipmentRepository;
import dev.carrierhub.intake.repository.OdooWriteBack;
import dev.carrierhub.intake.repository.OdooWriteBackRepository;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response.Status;
import java.time.Instant;
import java.util.List;

/** Read side: a shipment as order-intake sees it, with its write-backs to Odoo and their outcomes. */
@Path("/shipments/{id}")
public class ShipmentResource {
    private final IntakeShipmentRepository shipments;
    private final OdooWriteBackRepository writeBacks;

    public ShipmentResource(IntakeShipmentRepository shipments, OdooWriteBackRepository writeBacks) {
        this.shipments = shipments;
        this.writeBacks = writeBacks;
    }

    @GET
    @WithSession
    @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
    public Uni<ShipmentView> get(@PathParam("id") String id) {
        return shipments.findById(id)
                .onItem().ifNull().failWith(() -> new ProblemException(Status.NOT_FOUND, "shipment-not-found",
                        "No shipment " + id + " is known to order-intake."))
                .chain(shipment -> writeBacks.forShipment(id).map(plan -> ShipmentView.of(shipment, plan)));
    }

    /** The JSON shape of {@link #get}. */
    public record ShipmentView(String shipmentId, String tenant, long pickingId, String pickingName, String status,
            String carrier, String trackingNumber, String milestone, List<WriteBackView> writeBacks) {
        static ShipmentView of(IntakeShipment s, List<OdooWriteBack> plan) {
            return new ShipmentView(s.id, s.tenant, s.pickingId, s.pickingName, s.status.name(), s.carrier,
                    s.trackingNumber, s.milestone, plan.stream().map(WriteBackView::of).toList());
        }
    }

    /** One planned Odoo call and its outcome so far. */
    public record WriteBackView(String id, String kind, String model, String method, String status, String payload,
            Instant plannedAt, int attempts, String lastError, Long odooResultId, Instant sentAt, Instant failedAt) {
        static WriteBackView of(OdooWriteBack w) {
            return new WriteBackView(w.id.toString(), w.kind, w.model, w.method, w.status.name(), w.payload, w.plannedAt,
                    w.attempts, w.lastError, w.odooResultId, w.sentAt, w.failedAt);
        }
    }
}
