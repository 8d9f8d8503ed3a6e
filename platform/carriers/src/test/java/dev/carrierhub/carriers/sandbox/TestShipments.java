package dev.carrierhub.carriers.sandbox;

import dev.carrierhub.contracts.shipment.Address;
import dev.carrierhub.contracts.shipment.CustomsLine;
import dev.carrierhub.contracts.shipment.Dimensions;
import dev.carrierhub.contracts.shipment.LengthUnit;
import dev.carrierhub.contracts.shipment.Money;
import dev.carrierhub.contracts.shipment.OdooPickingRef;
import dev.carrierhub.contracts.shipment.Parcel;
import dev.carrierhub.contracts.shipment.ServiceLevel;
import dev.carrierhub.contracts.shipment.Shipment;
import dev.carrierhub.contracts.shipment.Weight;
import dev.carrierhub.contracts.shipment.WeightUnit;
import java.math.BigDecimal;
import java.util.List;
import java.util.stream.IntStream;

/** Canonical shipments the sandbox tests share; their wire form is in the golden files. */
final class TestShipments {
    static final Address WAREHOUSE = new Address("Acme Warehouse", "Acme GmbH", "Lagerstrasse 1", null, "Berlin",
            "10115", null, "DE", "+49301234567", "shipping@acme.example", false);
    static final Address CUSTOMER_DE = new Address("Zoë Müller", null, "Hauptstrasse 5", "Apt 2", "Munich",
            "80331", "DE-BY", "DE", null, "zoe@example.com", true);
    static final Address CUSTOMER_US = new Address("Jane Doe", "Doe Inc", "1 Main St", null, "Springfield",
            "62701", "US-IL", "US", "+12175550100", null, false);

    private TestShipments() {
    }

    /** Berlin → Munich, one 2.5 kg parcel, 120 EUR declared: sandbox prices 6.90 / 9.90 / 21.15 EUR. */
    static Shipment domestic() {
        return new Shipment("9d5ed678-fe57-3cca-a8b3-ffa3b0a1c5f1",
                new OdooPickingRef("acme", 42, "WH/OUT/00042", "S00042"),
                WAREHOUSE, CUSTOMER_DE,
                List.of(new Parcel("P1", new Weight(new BigDecimal("2.5"), WeightUnit.KG),
                        new Dimensions(new BigDecimal("30"), new BigDecimal("20"), new BigDecimal("10"), LengthUnit.CM),
                        "box")),
                Money.of("120.00", "EUR"), ServiceLevel.STANDARD, List.of(), false, null);
    }

    /** Berlin → Springfield, parcels in pounds/inches and grams, with a customs line. */
    static Shipment international() {
        return new Shipment("1b4e28ba-2fa1-11d2-883f-0016d3cca427",
                new OdooPickingRef("acme", 43, "WH/OUT/00043", "S00043"),
                WAREHOUSE, CUSTOMER_US,
                List.of(
                        new Parcel("P1", new Weight(new BigDecimal("4"), WeightUnit.LB),
                                new Dimensions(new BigDecimal("12"), new BigDecimal("8"), new BigDecimal("6"), LengthUnit.IN),
                                null),
                        new Parcel("P2", new Weight(new BigDecimal("500"), WeightUnit.G), null, null)),
                Money.of("80.00", "USD"), ServiceLevel.EXPRESS,
                List.of(new CustomsLine("SKU-1", "Cotton T-shirt", "610910", "DE", new BigDecimal("2"),
                        new Weight(new BigDecimal("0.4"), WeightUnit.KG), Money.of("40.00", "USD"))),
                false, null);
    }

    /** Like {@link #domestic()} with {@code n} parcels of 1 kg each. */
    static Shipment withParcels(int n) {
        Shipment base = domestic();
        List<Parcel> parcels = IntStream.rangeClosed(1, n)
                .mapToObj(i -> new Parcel("P" + i, new Weight(BigDecimal.ONE, WeightUnit.KG), null, null))
                .toList();
        return new Shipment(base.shipmentId(), base.picking(), base.shipFrom(), base.shipTo(), parcels,
                base.declaredValue(), base.serviceLevel(), base.customsLines(), false, null);
    }

    /** Like {@link #domestic()} with one parcel of {@code kilograms}. */
    static Shipment weighing(String kilograms) {
        Shipment base = domestic();
        return new Shipment(base.shipmentId(), base.picking(), base.shipFrom(), base.shipTo(),
                List.of(new Parcel("P1", new Weight(new BigDecimal(kilograms), WeightUnit.KG), null, null)),
                base.declaredValue(), base.serviceLevel(), base.customsLines(), false, null);
    }
}
