package dev.carrierhub.carriers.sendcloud;

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

/** Canonical shipments the Sendcloud tests share; their wire form is in the golden files. */
final class SendcloudTestShipments {
    static final String DOMESTIC_KEY = "label:9d5ed678:1";
    static final String INTERNATIONAL_KEY = "label:1b4e28ba:1";
    static final Address WAREHOUSE = new Address("Acme Warehouse", "Acme GmbH", "Lagerstrasse 1", null, "Berlin",
            "10115", null, "DE", "+49301234567", "shipping@example.com", false);
    static final Address CUSTOMER_DE = new Address("Zoë Müller", null, "Hauptstrasse 5", "Apt 2", "Munich", "80331",
            "DE-BY", "DE", null, "zoe@example.com", true);
    static final Address CUSTOMER_US = new Address("Jane Doe", "Doe Inc", "1 Main St", null, "Springfield", "62701",
            "IL", "US", "+12175550100", null, false);

    private SendcloudTestShipments() {
    }

    /** Berlin → Munich in two parcels (multicollo): 2.5 kg of 30 × 20 × 10 cm, and 500 g of unknown size. */
    static Shipment domestic() {
        return new Shipment("9d5ed678-fe57-3cca-a8b3-ffa3b0a1c5f1", new OdooPickingRef("acme", 42, "WH/OUT/00042", "S00042"),
                WAREHOUSE, CUSTOMER_DE,
                List.of(new Parcel("P1", new Weight(new BigDecimal("2.5"), WeightUnit.KG),
                                new Dimensions(new BigDecimal("30"), new BigDecimal("20"), new BigDecimal("10"), LengthUnit.CM), "box"),
                        new Parcel("P2", new Weight(new BigDecimal("500"), WeightUnit.G), null, null)),
                Money.of("120.00", "EUR"), ServiceLevel.STANDARD, List.of(), false, null);
    }

    /** Berlin → Springfield (a company: B2B), one parcel in pounds and inches, two T-shirts declared. */
    static Shipment international() {
        return new Shipment("1b4e28ba-2fa1-11d2-883f-0016d3cca427", new OdooPickingRef("acme", 43, "WH/OUT/00043", "S00043"),
                WAREHOUSE, CUSTOMER_US,
                List.of(new Parcel("P1", new Weight(new BigDecimal("4"), WeightUnit.LB),
                        new Dimensions(new BigDecimal("12"), new BigDecimal("8"), new BigDecimal("6"), LengthUnit.IN), null)),
                Money.of("80.00", "USD"), ServiceLevel.EXPRESS,
                List.of(new CustomsLine("SKU-1", "Cotton T-shirt", "610910", "DE", new BigDecimal("2"),
                        new Weight(new BigDecimal("0.4"), WeightUnit.KG), Money.of("40.00", "USD"))),
                false, null);
    }

    /** Like {@link #international()} with a customs line that names no HS code. */
    static Shipment withoutHsCode() {
        Shipment base = international();
        CustomsLine line = base.customsLines().get(0);
        return new Shipment(base.shipmentId(), base.picking(), base.shipFrom(), base.shipTo(), base.parcels(),
                base.declaredValue(), base.serviceLevel(), List.of(new CustomsLine(line.sku(), line.description(), null,
                        line.originCountry(), line.quantity(), line.weight(), line.value())), false, null);
    }

    /** Like {@link #domestic()} to an address without postal code. */
    static Shipment withoutPostalCode() {
        Shipment base = domestic();
        Address to = base.shipTo();
        return new Shipment(base.shipmentId(), base.picking(), base.shipFrom(), new Address(to.name(), to.company(),
                to.street1(), to.street2(), to.city(), null, to.stateCode(), to.countryCode(), to.phone(), to.email(),
                to.residential()), base.parcels(), base.declaredValue(), base.serviceLevel(), List.of(), false, null);
    }
}
