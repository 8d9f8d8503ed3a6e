package dev.carrierhub.contracts.shipment;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Derives the shipment id from its Odoo origin, so that the same picking always maps to the same
 * shipment, whichever webhook, sweep or replay brings it in.
 */
public final class ShipmentIds {
    private ShipmentIds() {
    }

    public static String forPicking(String tenant, long pickingId) {
        String name = "carrierhub:" + tenant + ":stock.picking:" + pickingId;
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
    }
}
