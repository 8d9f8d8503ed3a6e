package dev.carrierhub.intake.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.carrierhub.contracts.events.LabelRef;
import dev.carrierhub.contracts.events.ShipmentException;
import dev.carrierhub.contracts.events.ShipmentLabeled;
import dev.carrierhub.contracts.events.TrackingUpdated;
import dev.carrierhub.contracts.shipment.OdooPickingRef;
import dev.carrierhub.intake.repository.OdooWriteBack;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Decides which Odoo calls an event calls for: tracking reference and price on the picking, the label
 * as an attachment, chatter notes, and an exception activity. Pure: it only builds the plan.
 */
public final class WriteBackPlanner {
    private final ObjectMapper mapper;

    public WriteBackPlanner(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public List<OdooWriteBack> forLabel(String eventId, ShipmentLabeled labeled) {
        List<OdooWriteBack> plan = new ArrayList<>();
        OdooPickingRef picking = labeled.picking();
        ObjectNode values = mapper.createObjectNode();
        values.put("carrier_tracking_ref", labeled.trackingNumber());
        values.put("carrier_price", labeled.price().amount());
        plan.add(writeBack(eventId, labeled.shipmentId(), picking, "tracking-reference", "stock.picking", "write",
                write(picking, values)));
        for (LabelRef label : labeled.labels()) {
            ObjectNode attachment = mapper.createObjectNode();
            attachment.put("name", "Label " + labeled.trackingNumber() + " " + nullToEmpty(label.parcelReference()) + "."
                    + label.format().toLowerCase());
            attachment.put("res_model", "stock.picking");
            attachment.put("res_id", picking.pickingId());
            attachment.put("label_url", label.url());
            attachment.put("sha256", label.sha256());
            plan.add(writeBack(eventId, labeled.shipmentId(), picking, "label-attachment:" + label.sha256(),
                    "ir.attachment", "create", attachment));
        }
        plan.add(writeBack(eventId, labeled.shipmentId(), picking, "label-note", "stock.picking", "message_post",
                note(picking, "Label booked with " + labeled.carrier() + " " + nullToEmpty(labeled.serviceCode())
                        + ": tracking " + labeled.trackingNumber() + ", price " + labeled.price().amount() + " "
                        + labeled.price().currency() + ".")));
        return plan;
    }

    public List<OdooWriteBack> forTracking(String eventId, TrackingUpdated update) {
        if (update.picking() == null) {
            return List.of();
        }
        StringBuilder text = new StringBuilder("Tracking ").append(update.trackingNumber()).append(": ")
                .append(update.milestone());
        if (update.description() != null) {
            text.append(" - ").append(update.description());
        }
        if (update.proofOfDelivery() != null && update.proofOfDelivery().signedBy() != null) {
            text.append(" (signed by ").append(update.proofOfDelivery().signedBy()).append(")");
        }
        return List.of(writeBack(eventId, update.shipmentId(), update.picking(), "tracking-note", "stock.picking",
                "message_post", note(update.picking(), text.append('.').toString())));
    }

    public List<OdooWriteBack> forException(String eventId, ShipmentException exception) {
        if (exception.picking() == null) {
            return List.of();
        }
        ObjectNode activity = mapper.createObjectNode();
        activity.putArray("ids").add(exception.picking().pickingId());
        activity.put("act_type_xmlid", "mail.mail_activity_data_warning");
        activity.put("summary", "Shipping exception: " + exception.reasonCode());
        activity.put("note", exception.message());
        return List.of(writeBack(eventId, exception.shipmentId(), exception.picking(), "exception-activity",
                "stock.picking", "activity_schedule", activity));
    }

    private ObjectNode write(OdooPickingRef picking, ObjectNode values) {
        ObjectNode call = mapper.createObjectNode();
        call.putArray("ids").add(picking.pickingId());
        call.set("values", values);
        return call;
    }

    private ObjectNode note(OdooPickingRef picking, String body) {
        ObjectNode call = mapper.createObjectNode();
        call.putArray("ids").add(picking.pickingId());
        call.put("body", body);
        call.put("message_type", "comment");
        return call;
    }

    private static OdooWriteBack writeBack(String eventId, String shipmentId, OdooPickingRef picking, String kind,
            String model, String method, ObjectNode payload) {
        OdooWriteBack writeBack = new OdooWriteBack();
        writeBack.id = UUID.randomUUID();
        writeBack.idempotencyKey = eventId + ":" + kind;
        writeBack.shipmentId = shipmentId;
        writeBack.tenant = picking.tenant();
        writeBack.pickingId = picking.pickingId();
        writeBack.kind = kind.contains(":") ? kind.substring(0, kind.indexOf(':')) : kind;
        writeBack.model = model;
        writeBack.method = method;
        writeBack.payload = payload.toString();
        writeBack.status = OdooWriteBack.Status.PLANNED;
        writeBack.plannedAt = Instant.now();
        return writeBack;
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
