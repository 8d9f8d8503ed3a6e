package dev.carrierhub.rating;

import dev.carrierhub.contracts.shipment.Address;
import dev.carrierhub.contracts.shipment.Money;
import dev.carrierhub.contracts.shipment.OdooPickingRef;
import dev.carrierhub.contracts.shipment.Parcel;
import dev.carrierhub.contracts.shipment.ServiceLevel;
import dev.carrierhub.contracts.shipment.Shipment;
import dev.carrierhub.contracts.shipment.ShipmentIds;
import dev.carrierhub.contracts.shipment.Weight;
import dev.carrierhub.contracts.shipment.WeightUnit;
import dev.carrierhub.testsupport.TestShipments;
import java.math.BigDecimal;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Shipments for the Quarkus tests, each with its own picking and (unless asked otherwise) its own weight,
 * so that no look-up is answered from another test's cache entry.
 */
final class TestRequests {
    /** A ship-to whose second street line is a PO box. */
    static final Address PO_BOX = new Address("Zoë Müller", null, "Hauptstrasse 5", "Postfach 10 20 30", "Munich",
            "80331", "DE-BY", "DE", null, null, true);
    private static final AtomicLong NEXT = new AtomicLong(System.nanoTime() % 1_000_000 + 500_000);

    private TestRequests() {
    }

    static Shipment shipment(String tenant) {
        return shipment(tenant, TestShipments.CUSTOMER, ServiceLevel.STANDARD, false);
    }

    static Shipment shipment(String tenant, Address shipTo, ServiceLevel level, boolean hazardous) {
        long picking = NEXT.getAndIncrement();
        // 1.000 to 9.999 kg, different for every request of a run.
        BigDecimal kg = BigDecimal.ONE.add(BigDecimal.valueOf(picking % 9_000, 3));
        return new Shipment(ShipmentIds.forPicking(tenant, picking),
                new OdooPickingRef(tenant, picking, "WH/OUT/" + picking, "S" + picking), TestShipments.WAREHOUSE,
                shipTo, List.of(new Parcel("P1", new Weight(kg, WeightUnit.KG), null, "box")),
                Money.of("120.00", "EUR"), level, List.of(), hazardous, null);
    }
}
