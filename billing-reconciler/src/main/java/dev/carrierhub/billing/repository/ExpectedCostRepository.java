package dev.carrierhub.billing.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

/** Expected costs, one per shipment. */
@ApplicationScoped
public class ExpectedCostRepository implements PanacheRepositoryBase<ExpectedCost, String> {

    /** The row, locked for the rest of the transaction, so two labels of one shipment are applied in turn. */
    public Uni<ExpectedCost> lock(String shipmentId) {
        return findById(shipmentId, LockModeType.PESSIMISTIC_WRITE);
    }
}
