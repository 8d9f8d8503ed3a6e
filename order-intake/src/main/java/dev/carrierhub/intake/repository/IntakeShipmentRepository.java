package dev.carrierhub.intake.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** Shipments order-intake has created, one per Odoo picking. */
@ApplicationScoped
public class IntakeShipmentRepository implements PanacheRepositoryBase<IntakeShipment, String> {

    public Uni<IntakeShipment> findByPicking(String tenant, long pickingId) {
        return find("tenant = ?1 and pickingId = ?2", tenant, pickingId).firstResult();
    }
}
