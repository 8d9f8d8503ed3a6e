package dev.carrierhub.rating.policy;

import dev.carrierhub.contracts.shipment.Address;
import dev.carrierhub.contracts.shipment.Shipment;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A rule of the {@code preferred} policy: these carriers, most preferred first, for the shipments that match
 * every criterion given (warehouse, ship-to country, ship-to partner). A rule without criteria matches all.
 */
public record CarrierPreference(List<String> carriers, Optional<String> warehouse, Optional<String> shipToCountry,
        Optional<String> shipToPartner) {
    public CarrierPreference {
        carriers = carriers == null ? List.of()
                : carriers.stream().map(String::trim).filter(c -> !c.isEmpty()).distinct().toList();
        if (carriers.isEmpty()) {
            throw new IllegalArgumentException("a preferred-carrier rule names at least one carrier");
        }
        warehouse = clean(warehouse);
        shipToCountry = clean(shipToCountry);
        shipToPartner = clean(shipToPartner);
    }

    public boolean matches(Shipment shipment) {
        return warehouse.map(code -> code.equalsIgnoreCase(warehouseCode(shipment).orElse(""))).orElse(true)
                && shipToCountry.map(country -> country.equalsIgnoreCase(shipment.shipTo().countryCode().trim()))
                        .orElse(true)
                && shipToPartner.map(partner -> fold(partner).equals(fold(partner(shipment.shipTo())))).orElse(true);
    }

    /** "warehouse WH, ship-to country FR", or "every shipment" for a rule without criteria. */
    public String why() {
        List<String> parts = new ArrayList<>();
        warehouse.ifPresent(w -> parts.add("warehouse " + w));
        shipToCountry.ifPresent(c -> parts.add("ship-to country " + c.toUpperCase(Locale.ROOT)));
        shipToPartner.ifPresent(p -> parts.add("customer " + p));
        return parts.isEmpty() ? "every shipment of the tenant" : String.join(", ", parts);
    }

    /** The Odoo warehouse code: the first part of the picking name, {@code WH} of {@code WH/OUT/00042}. */
    public static Optional<String> warehouseCode(Shipment shipment) {
        String name = shipment.picking().pickingName();
        if (name == null || name.indexOf('/') <= 0) {
            return Optional.empty();
        }
        return Optional.of(name.substring(0, name.indexOf('/')).trim());
    }

    /** The customer as Odoo names the ship-to: its company, or the person when there is no company. */
    public static String partner(Address shipTo) {
        return shipTo.company() == null || shipTo.company().isBlank() ? shipTo.name() : shipTo.company();
    }

    private static String fold(String text) {
        return text == null ? "" : text.trim().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }

    private static Optional<String> clean(Optional<String> value) {
        return value == null ? Optional.empty() : value.map(String::trim).filter(v -> !v.isEmpty());
    }
}
