package dev.carrierhub.intake.validation;

import dev.carrierhub.contracts.shipment.Address;
import dev.carrierhub.contracts.shipment.CustomsLine;
import dev.carrierhub.contracts.shipment.Dimensions;
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

/** Addresses and shipments for the rule tests: a valid US domestic shipment, and ways to break it. */
final class Fixtures {
    static final Address SAN_FRANCISCO = new Address("Acme Fulfilment Inc.", "Acme Fulfilment Inc.",
            "250 Executive Park Blvd", "Suite 3400", "San Francisco", "94134", "CA", "US", "+1 415-555-0134", null, false);
    static final Address PORTLAND = new Address("Dana Whitfield", "Bluebird Outdoor Supply", "4417 Maple Ave", "Dock 3",
            "Portland", "97205", "OR", "US", "+1 503-555-0199", null, false);
    static final Address KRAKOW = new Address("Zoë Müller-Łukasiewicz", null, "ul. Świętokrzyska 14", null, "Kraków",
            "31-153", null, "PL", null, null, true);
    static final Address BERLIN = new Address("Acme Warehouse", "Acme GmbH", "Lagerstrasse 1", null, "Berlin", "10115",
            null, "DE", "030 123456", null, false);
    static final Address LONDON = new Address("Acme UK", "Acme Ltd", "1 Dock Road", null, "London", "E16 1AA", null,
            "GB", null, null, false);

    private Fixtures() {
    }

    static Address address(String country, String state, String postalCode) {
        return new Address("Test Person", null, "1 Main Street", null, "Somewhere", postalCode, state, country, null,
                null, true);
    }

    static Parcel parcel(String kg) {
        return new Parcel("WH/OUT/00011", new Weight(new BigDecimal(kg), WeightUnit.KG), null, null);
    }

    static Parcel parcel(Weight weight, Dimensions dimensions) {
        return new Parcel("WH/OUT/00011", weight, dimensions, null);
    }

    static Shipment shipment(Address from, Address to) {
        return shipment(from, to, List.of(parcel("4.97")), Money.of("602.70", "USD"), List.of(), false, null);
    }

    static Shipment shipment(Address from, Address to, List<Parcel> parcels, Money declaredValue,
            List<CustomsLine> customs, boolean hazardous, String carrier) {
        return new Shipment(ShipmentIds.forPicking("acme", 11), new OdooPickingRef("acme", 11, "WH/OUT/00011", null),
                from, to, parcels, declaredValue, ServiceLevel.STANDARD, customs, hazardous, carrier);
    }

    static CustomsLine line(String description, String quantity, Money value, String hsCode, String origin) {
        return new CustomsLine("SKU-1", description, hsCode, origin, new BigDecimal(quantity), null, value);
    }

    static List<String> codes(List<Violation> violations) {
        return violations.stream().map(Violation::code).toList();
    }
}
