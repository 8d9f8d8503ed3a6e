package dev.carrierhub.carriers.sandbox;

import java.math.BigDecimal;
import java.util.List;

/** What the sandbox server keeps of a rate or shipment request once it has been validated. */
record ParsedShipment(
        String reference,
        String shipToName,
        String shipToCity,
        String shipToCountry,
        String shipFromCity,
        String shipFromCountry,
        List<Parcel> parcels,
        String currency,
        boolean hasCustomsLines,
        boolean hazardous) {

    /** One parcel: its reference and its weight in kilograms. */
    record Parcel(String reference, BigDecimal kilograms) {
    }

    ParsedShipment {
        parcels = List.copyOf(parcels);
    }

    BigDecimal totalKilograms() {
        return parcels.stream().map(Parcel::kilograms).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    boolean crossesBorder() {
        return !shipToCountry.equalsIgnoreCase(shipFromCountry);
    }
}
