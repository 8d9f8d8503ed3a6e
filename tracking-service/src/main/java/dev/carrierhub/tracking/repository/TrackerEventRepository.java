package dev.carrierhub.tracking.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/** The tracking history: per shipment, per carrier event id, and the orphans waiting for their tracker. */
@ApplicationScoped
public class TrackerEventRepository implements PanacheRepositoryBase<TrackerEvent, UUID> {

    public Uni<TrackerEvent> findByCarrierEventId(String carrier, String carrierEventId) {
        return find("carrier = ?1 and carrierEventId = ?2", carrier, carrierEventId).firstResult();
    }

    /** Which of these carrier event ids are stored already, whichever shipment (or none) they belong to. */
    public Uni<List<String>> knownIds(String carrier, List<String> carrierEventIds) {
        return list("carrier = ?1 and carrierEventId in ?2", carrier, carrierEventIds)
                .map(rows -> rows.stream().map(row -> row.carrierEventId).toList());
    }

    /** The events of a shipment's current label, oldest first by carrier time. */
    public Uni<List<TrackerEvent>> timeline(String shipmentId, String carrier, String trackingNumber) {
        return list("shipmentId = ?1 and carrier = ?2 and trackingNumber = ?3 order by occurredAt, receivedAt, "
                + "carrierEventId", shipmentId, carrier, trackingNumber);
    }

    /**
     * The events of these shipments, oldest first by carrier time, as {@link #timeline} orders them; the caller
     * keeps those of each shipment's current carrier and tracking number.
     */
    public Uni<List<TrackerEvent>> timelines(Collection<String> shipmentIds) {
        return list("shipmentId in ?1 order by occurredAt, receivedAt, carrierEventId", shipmentIds);
    }

    /** Gives events that arrived before their tracker to the shipment; returns how many it adopted. */
    public Uni<Integer> adoptOrphans(String carrier, String trackingNumber, String shipmentId) {
        return update("shipmentId = ?1 where carrier = ?2 and trackingNumber = ?3 and shipmentId is null",
                shipmentId, carrier, trackingNumber);
    }
}
