package dev.carrierhub.intake.client;

import static dev.carrierhub.intake.client.OdooValues.manyToOneName;
import static dev.carrierhub.intake.client.OdooValues.text;

import dev.carrierhub.odoo.client.OdooRecord;

/**
 * The picking record itself, as Odoo has it now: enough to decide what a webhook means (ship it, cancel
 * its shipment, or nothing) before anything around it is read.
 *
 * @param state       Odoo's picking state: draft, waiting, confirmed, assigned (ready), done or cancel
 * @param typeCode    incoming, outgoing or internal; null when Odoo did not say
 * @param backorderOf the name of the picking this one is the backorder of (a partial delivery's rest), or null
 */
public record PickingHeader(long pickingId, String name, String state, String typeCode, String backorderOf,
        OdooRecord record) {

    static PickingHeader of(OdooRecord picking) {
        return new PickingHeader(picking.id(), text(picking, "name"), text(picking, "state"),
                text(picking, "picking_type_code"), manyToOneName(picking, "backorder_id"), picking);
    }

    public boolean isOutgoing() {
        return typeCode == null || "outgoing".equals(typeCode);
    }
}
