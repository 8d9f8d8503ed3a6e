package dev.carrierhub.intake.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

/** Write-backs planned for Odoo. */
@ApplicationScoped
public class OdooWriteBackRepository implements PanacheRepositoryBase<OdooWriteBack, UUID> {

    public Uni<List<OdooWriteBack>> forShipment(String shipmentId) {
        return find("shipmentId = ?1 order by plannedAt, kind", shipmentId).list();
    }

    public Uni<Boolean> existsByKey(String idempotencyKey) {
        return count("idempotencyKey", idempotencyKey).map(n -> n > 0);
    }
}
