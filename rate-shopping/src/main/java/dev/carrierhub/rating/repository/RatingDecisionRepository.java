package dev.carrierhub.rating.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

/** The routing decisions made, oldest first per shipment. */
@ApplicationScoped
public class RatingDecisionRepository implements PanacheRepositoryBase<RatingDecision, UUID> {

    public Uni<List<RatingDecision>> forShipment(String shipmentId) {
        return find("shipmentId = ?1 order by decidedAt", shipmentId).list();
    }
}
