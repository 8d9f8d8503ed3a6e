package dev.carrierhub.testsupport;

import dev.carrierhub.contracts.shipment.Address;
import dev.carrierhub.contracts.shipment.Money;
import dev.carrierhub.contracts.shipment.OdooPickingRef;
import dev.carrierhub.contracts.shipment.Parcel;
import dev.carrierhub.contracts.shipment.ServiceLevel;
import dev.carrierhub.contracts.shipment.Shipment;
import dev.carrierhub.contracts.shipment.ShipmentIds;
import dev.carrierhub.contracts.shipment.Weight;
import dev.carrierhub.contracts.shipment.WeightUnit;
import java.math.BigDecimal;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/** Canonical shipments for the tests: Berlin → Munich, one 2.5 kg parcel, 120 EUR declared. */
public final class TestShipments {
    /** The sandbox prices such a shipment at 6.90 (economy), 9.90 (standard) and 21.15 EUR (express). */
    public static final Address WAREHOUSE = new Address("Acme Warehouse", "Acme GmbH", "Lagerstrasse 1", null,
            "Berlin", "10115", null, "DE", "+49301234567", "shipping@acme.example", false);
    public static final Address CUSTOMER = new Address("Zoë Müller", null, "Hauptstrasse 5", null, "Munich",
            "80331", "DE-BY", "DE", null, "zoe@example.com", true);
    private static final AtomicLong NEXT_PICKING = new AtomicLong(System.nanoTime() % 1_000_000 + 1);

    private TestShipments() {
    }

    /** A new shipment each call (its own picking and id), so tests never see each other's events. */
    public static Shipment domestic() {
        return domestic("acme");
    }

    /** Like {@link #domestic()}, a picking of {@code tenant}. */
    public static Shipment domestic(String tenant) {
        long pickingId = NEXT_PICKING.getAndIncrement();
        return new Shipment(ShipmentIds.forPicking(tenant, pickingId),
                new OdooPickingRef(tenant, pickingId, "WH/OUT/" + pickingId, "S" + pickingId),
                WAREHOUSE, CUSTOMER,
                List.of(new Parcel("P1", new Weight(new BigDecimal("2.5"), WeightUnit.KG), null, "box")),
                Money.of("120.00", "EUR"), ServiceLevel.STANDARD, List.of(), false, null);
    }
}
