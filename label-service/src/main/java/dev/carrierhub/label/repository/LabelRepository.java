package dev.carrierhub.label.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

/** Stored labels; listings leave the bytes in the database. */
@ApplicationScoped
public class LabelRepository implements PanacheRepositoryBase<StoredLabel, UUID> {

    public Uni<StoredLabel> first(String shipmentId) {
        return find("shipmentId = ?1 order by position", shipmentId).firstResult();
    }

    public Uni<StoredLabel> find(String shipmentId, UUID labelId) {
        return find("id = ?1 and shipmentId = ?2", labelId, shipmentId).firstResult();
    }

    public Uni<List<LabelSummary>> summaries(String shipmentId) {
        return find("shipmentId = ?1 order by position", shipmentId).project(LabelSummary.class).list();
    }
}
