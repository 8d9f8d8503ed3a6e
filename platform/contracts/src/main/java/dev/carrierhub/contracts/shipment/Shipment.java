package dev.carrierhub.contracts.shipment;

import java.util.List;
import java.util.Objects;

/** The canonical shipment: every service speaks this, carriers and Odoo are translated to it at the edge. */
public record Shipment(
        String shipmentId,
        OdooPickingRef picking,
        Address shipFrom,
        Address shipTo,
        List<Parcel> parcels,
        Money declaredValue,
        ServiceLevel serviceLevel,
        List<CustomsLine> customsLines,
        boolean hazardous,
        String preferredCarrier) {
    public Shipment {
        Objects.requireNonNull(shipmentId, "shipmentId");
        Objects.requireNonNull(picking, "picking");
        Objects.requireNonNull(shipFrom, "shipFrom");
        Objects.requireNonNull(shipTo, "shipTo");
        Objects.requireNonNull(serviceLevel, "serviceLevel");
        parcels = List.copyOf(Objects.requireNonNull(parcels, "parcels"));
        if (parcels.isEmpty()) {
            throw new IllegalArgumentException("a shipment has at least one parcel");
        }
        customsLines = customsLines == null ? List.of() : List.copyOf(customsLines);
    }

    /** Whether the parcel leaves the origin country, which makes customs lines mandatory. */
    public boolean crossesBorder() {
        return !shipFrom.countryCode().equalsIgnoreCase(shipTo.countryCode());
    }
}
