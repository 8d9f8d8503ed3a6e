package dev.carrierhub.intake.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.Collection;
import java.util.List;

/** Shipments order-intake has created, one per Odoo picking. */
@ApplicationScoped
public class IntakeShipmentRepository implements PanacheRepositoryBase<IntakeShipment, String> {

    public Uni<IntakeShipment> findByPicking(String tenant, long pickingId) {
        return find("tenant = ?1 and pickingId = ?2", tenant, pickingId).firstResult();
    }

    /** The picking's shipment, locked for this transaction (null when there is none). */
    public Uni<IntakeShipment> lockByPicking(String tenant, long pickingId) {
        return find("tenant = ?1 and pickingId = ?2", tenant, pickingId).withLock(LockModeType.PESSIMISTIC_WRITE)
                .firstResult();
    }

    /** The shipments of these pickings (fewer when some have none). */
    public Uni<List<IntakeShipment>> forPickings(String tenant, Collection<Long> pickingIds) {
        return find("tenant = ?1 and pickingId in ?2", tenant, pickingIds).list();
    }
}
