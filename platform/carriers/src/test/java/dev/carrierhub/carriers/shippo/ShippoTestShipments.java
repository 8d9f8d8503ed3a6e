package dev.carrierhub.carriers.shippo;

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

/** Canonical shipments the Shippo tests share; their wire form is in the golden files. */
final class ShippoTestShipments {
    static final String KEY = "label:9d5ed678:1";
    static final Address WAREHOUSE = new Address("Acme Shipping", "Acme Inc", "388 Townsend St", "Suite 20",
            "San Francisco", "94107", "US-CA", "US", "+14155550100", "shipping@acme.example", false);
    static final Address CUSTOMER_US = new Address("Jane Doe", null, "179 N Harbor Dr", null, "Redondo Beach", "90277",
            "US-CA", "US", "+13105550199", "jane@example.com", true);
    static final Address CUSTOMER_DE = new Address("Zoë Müller", null, "Hauptstrasse 5", "Apt 2", "Munich", "80331",
            "DE-BY", "DE", "+4989123456", "zoe@example.com", true);

    private ShippoTestShipments() {
    }

    /** San Francisco → Redondo Beach, one 4 lb parcel of 12 × 8 × 6 in: 64.0 oz, no conversion loss. */
    static Shipment domestic() {
        return new Shipment("9d5ed678-fe57-3cca-a8b3-ffa3b0a1c5f1", new OdooPickingRef("acme", 42, "WH/OUT/00042", "S00042"),
                WAREHOUSE, CUSTOMER_US,
                List.of(new Parcel("P1", new Weight(new BigDecimal("4"), WeightUnit.LB),
                        new Dimensions(new BigDecimal("12"), new BigDecimal("8"), new BigDecimal("6"), LengthUnit.IN), "box")),
                Money.of("120.00", "USD"), ServiceLevel.STANDARD, List.of(), false, null);
    }

    /** San Francisco → Munich, one 2.5 kg parcel of 30 × 20 × 10 cm, with a customs line of two T-shirts. */
    static Shipment international() {
        return new Shipment("1b4e28ba-2fa1-11d2-883f-0016d3cca427", new OdooPickingRef("acme", 43, "WH/OUT/00043", "S00043"),
                WAREHOUSE, CUSTOMER_DE,
                List.of(new Parcel("P1", new Weight(new BigDecimal("2.5"), WeightUnit.KG),
                        new Dimensions(new BigDecimal("30"), new BigDecimal("20"), new BigDecimal("10"), LengthUnit.CM), null)),
                Money.of("80.00", "USD"), ServiceLevel.EXPRESS,
                List.of(new CustomsLine("SKU-1", "Cotton T-shirt", "610910", "US", new BigDecimal("2"),
                        new Weight(new BigDecimal("0.4"), WeightUnit.KG), Money.of("40.00", "USD"))),
                false, null);
    }

    /** Like {@link #domestic()} with two parcels, which this connector books one by one. */
    static Shipment twoParcels() {
        Shipment base = domestic();
        return new Shipment(base.shipmentId(), base.picking(), base.shipFrom(), base.shipTo(),
                List.of(base.parcels().get(0), new Parcel("P2", new Weight(BigDecimal.ONE, WeightUnit.KG), null, null)),
                base.declaredValue(), base.serviceLevel(), List.of(), false, null);
    }

    /** Like {@link #domestic()} with a parcel of unknown size. */
    static Shipment withoutDimensions() {
        Shipment base = domestic();
        return new Shipment(base.shipmentId(), base.picking(), base.shipFrom(), base.shipTo(),
                List.of(new Parcel("P1", base.parcels().get(0).weight(), null, null)),
                base.declaredValue(), base.serviceLevel(), List.of(), false, null);
    }

    /** Like {@link #international()} with a customs line that does not say what it weighs. */
    static Shipment customsWithoutWeight() {
        Shipment base = international();
        CustomsLine line = base.customsLines().get(0);
        return new Shipment(base.shipmentId(), base.picking(), base.shipFrom(), base.shipTo(), base.parcels(),
                base.declaredValue(), base.serviceLevel(), List.of(new CustomsLine(line.sku(), line.description(),
                        line.hsCode(), null, line.quantity(), null, line.value())), false, null);
    }

    /** Like {@link #international()} with half a T-shirt. */
    static Shipment fractionalCustomsQuantity() {
        Shipment base = international();
        CustomsLine line = base.customsLines().get(0);
        return new Shipment(base.shipmentId(), base.picking(), base.shipFrom(), base.shipTo(), base.parcels(),
                base.declaredValue(), base.serviceLevel(), List.of(new CustomsLine(line.sku(), line.description(),
                        line.hsCode(), line.originCountry(), new BigDecimal("1.5"), line.weight(), line.value())),
                false, null);
    }
}
