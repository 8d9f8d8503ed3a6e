package dev.carrierhub.billing.messaging;

import dev.carrierhub.billing.invoice.Kilograms;
import dev.carrierhub.contracts.events.ShipmentRated;
import dev.carrierhub.contracts.events.ShipmentVoided;
import dev.carrierhub.contracts.shipment.Parcel;
import dev.carrierhub.core.inbox.IdempotentConsumer;
import dev.carrierhub.core.inbox.IncomingEvent;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.ZoneOffset;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Keeps what invoices are checked against besides the label: the weight declared to the carrier
 * ({@code shipment.rated}) and voided labels ({@code shipment.voided}). Either may arrive before or after the
 * label; each is stored on its own, keyed by shipment.
 */
@ApplicationScoped
public class ShipmentFactsConsumer {
    private static final String DECLARE = """
            insert into shipment_declaration (shipment_id, declared_weight_kg, parcel_count, rated_at)
            values (?1, ?2, ?3, ?4)
            on conflict (shipment_id) do update set declared_weight_kg = excluded.declared_weight_kg,
                parcel_count = excluded.parcel_count, rated_at = excluded.rated_at
             where excluded.rated_at > shipment_declaration.rated_at""";
    private static final String VOID = """
            insert into voided_shipment (shipment_id, voided_at) values (?1, ?2)
            on conflict (shipment_id) do update set voided_at = least(voided_shipment.voided_at, excluded.voided_at)""";

    private final IdempotentConsumer idempotent;

    public ShipmentFactsConsumer(IdempotentConsumer idempotent) {
        this.idempotent = idempotent;
    }

    @Incoming("shipment-rated")
    public Uni<Void> onRated(ConsumerRecord<String, byte[]> record) {
        IncomingEvent event = IncomingEvent.from(record);
        ShipmentRated rated = event.payload(ShipmentRated.class);
        BigDecimal kilograms = rated.shipment().parcels().stream().map(Parcel::weight)
                .map(Kilograms::of).reduce(BigDecimal.ZERO, BigDecimal::add);
        return idempotent.consume("billing-reconciler.shipment-rated", event, () -> Panache.getSession()
                        .chain(session -> session.createNativeQuery(DECLARE)
                                .setParameter(1, rated.shipment().shipmentId())
                                .setParameter(2, kilograms)
                                .setParameter(3, rated.shipment().parcels().size())
                                .setParameter(4, rated.ratedAt().atOffset(ZoneOffset.UTC))
                                .executeUpdate()))
                .replaceWithVoid();
    }

    @Incoming("shipment-voided")
    public Uni<Void> onVoided(ConsumerRecord<String, byte[]> record) {
        IncomingEvent event = IncomingEvent.from(record);
        ShipmentVoided voided = event.payload(ShipmentVoided.class);
        return idempotent.consume("billing-reconciler.shipment-voided", event, () -> Panache.getSession()
                        .chain(session -> session.createNativeQuery(VOID)
                                .setParameter(1, voided.shipmentId())
                                .setParameter(2, voided.voidedAt().atOffset(ZoneOffset.UTC))
                                .executeUpdate()))
                .replaceWithVoid();
    }
}
