package dev.carrierhub.tracking;

import dev.carrierhub.carriers.BookingResult;
import dev.carrierhub.carriers.sandbox.SandboxConnector;
import dev.carrierhub.carriers.sandbox.SandboxSettings;
import dev.carrierhub.contracts.events.ShipmentLabeled;
import dev.carrierhub.contracts.shipment.Address;
import dev.carrierhub.contracts.shipment.Money;
import dev.carrierhub.contracts.shipment.OdooPickingRef;
import dev.carrierhub.contracts.shipment.Parcel;
import dev.carrierhub.contracts.shipment.ServiceLevel;
import dev.carrierhub.contracts.shipment.Shipment;
import dev.carrierhub.contracts.shipment.ShipmentIds;
import dev.carrierhub.contracts.shipment.Weight;
import dev.carrierhub.contracts.shipment.WeightUnit;
import dev.carrierhub.testsupport.SandboxCarrierTestResource;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Shipments booked at the test sandbox, their {@code shipment.labeled}, and the sandbox's callback bodies. */
final class SandboxShipments {
    private static final Address WAREHOUSE = new Address("Acme Warehouse", "Acme GmbH", "Lagerstrasse 1", null,
            "Berlin", "10115", null, "DE", null, null, false);
    private static final Address CUSTOMER = new Address("Zoë Müller", null, "Hauptstrasse 5", null, "Munich",
            "80331", "DE-BY", "DE", null, null, true);

    private SandboxShipments() {
    }

    /** Books the picking's shipment at the sandbox, so the sandbox knows its tracking number. */
    static BookingResult book(String tenant, long pickingId) throws Exception {
        String shipmentId = ShipmentIds.forPicking(tenant, pickingId);
        Shipment shipment = new Shipment(shipmentId, new OdooPickingRef(tenant, pickingId, "WH/OUT/" + pickingId, null),
                WAREHOUSE, CUSTOMER, List.of(new Parcel("P1", new Weight(new BigDecimal("1.5"), WeightUnit.KG), null, null)),
                Money.of("50.00", "EUR"), ServiceLevel.STANDARD, List.of(), false, null);
        SandboxConnector connector = new SandboxConnector(new SandboxSettings(
                SandboxCarrierTestResource.server().baseUri(), null, Duration.ofSeconds(5)));
        return connector.ship(shipment, "SBX_STANDARD", "test-" + shipmentId).toCompletableFuture()
                .get(10, TimeUnit.SECONDS);
    }

    static ShipmentLabeled labeled(String tenant, long pickingId, String trackingNumber, Instant labeledAt) {
        return new ShipmentLabeled(ShipmentIds.forPicking(tenant, pickingId),
                new OdooPickingRef(tenant, pickingId, "WH/OUT/" + pickingId, "S" + pickingId), "sandbox", "SBX_STANDARD",
                "sbx_" + pickingId, trackingNumber, Money.of("8.70", "EUR"), Money.of("8.70", "EUR"), List.of(),
                labeledAt);
    }

    /** A sandbox tracking callback's body, unsigned. */
    static byte[] callback(String eventId, String trackingNumber, String status, Instant occurredAt) {
        return ("{\"event_id\":\"" + eventId + "\",\"tracking_number\":\"" + trackingNumber + "\",\"status\":\""
                + status + "\",\"description\":\"Scan: " + status + "\",\"location\":\"Berlin, DE\",\"occurred_at\":\""
                + occurredAt.truncatedTo(ChronoUnit.MILLIS) + "\"}").getBytes(StandardCharsets.UTF_8);
    }
}
