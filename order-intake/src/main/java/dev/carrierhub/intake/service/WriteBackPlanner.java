package dev.carrierhub.intake.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.carrierhub.contracts.events.BillingDiscrepancy;
import dev.carrierhub.contracts.events.DiscrepancyKind;
import dev.carrierhub.contracts.events.LabelRef;
import dev.carrierhub.contracts.events.LabelDeferred;
import dev.carrierhub.contracts.events.ShipmentException;
import dev.carrierhub.contracts.events.ShipmentVoided;
import dev.carrierhub.contracts.events.ShipmentLabeled;
import dev.carrierhub.contracts.events.TrackingUpdated;
import dev.carrierhub.contracts.shipment.Money;
import dev.carrierhub.contracts.shipment.OdooPickingRef;
import dev.carrierhub.intake.repository.OdooWriteBack;
import dev.carrierhub.intake.writeback.ActivityRouting;
import dev.carrierhub.intake.writeback.OwnerKind;
import dev.carrierhub.intake.writeback.WriteBackKind;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * Decides which Odoo calls an event calls for: tracking reference and price on the picking, the label
 * as an attachment, chatter notes, and activities for exceptions and billing discrepancies. Pure: it
 * only builds the plan, in the order the calls must be made. Notes are plain text (Odoo escapes a
 * {@code message_post} body); who owns an activity and by when is settled when it is sent.
 */
public final class WriteBackPlanner {
    static final String EXCEPTION_TYPE_XMLID = "mail.mail_activity_data_warning";
    static final String NOTE_SUBTYPE = "mail.mt_note";

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
        plan.add(writeBack(eventId, labeled.shipmentId(), picking, WriteBackKind.TRACKING_REFERENCE, null,
                "stock.picking", "write", write(picking, values)));
        int position = 0;
        for (LabelRef label : labeled.labels()) {
            position++;
            ObjectNode attachment = mapper.createObjectNode();
            attachment.put("name", labelFileName(labeled, label, position));
            attachment.put("res_model", "stock.picking");
            attachment.put("res_id", picking.pickingId());
            attachment.put("mimetype", mimetype(label.format()));
            attachment.put("label_url", label.url());
            attachment.put("sha256", label.sha256());
            plan.add(writeBack(eventId, labeled.shipmentId(), picking, WriteBackKind.LABEL_ATTACHMENT, label.sha256(),
                    "ir.attachment", "create", attachment));
        }
        plan.add(writeBack(eventId, labeled.shipmentId(), picking, WriteBackKind.LABEL_NOTE, null, "stock.picking",
                "message_post", note(picking, "Label booked with " + labeled.carrier()
                        + (labeled.serviceCode() == null ? "" : " " + labeled.serviceCode()) + ": tracking "
                        + labeled.trackingNumber() + ", price " + labeled.price().amount() + " "
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
        return List.of(writeBack(eventId, update.shipmentId(), update.picking(), WriteBackKind.TRACKING_NOTE, null,
                "stock.picking", "message_post", note(update.picking(), text.append('.').toString())));
    }

    /** A note that the label was voided, so nobody ships the parcel with it. */
    public List<OdooWriteBack> forVoid(String eventId, ShipmentVoided voided) {
        String text = "Label voided with " + voided.carrier()
                + (voided.trackingNumber() == null ? "" : " (tracking " + voided.trackingNumber() + ")")
                + (voided.reason() == null ? "" : ": " + voided.reason()) + ". Do not ship the parcel with it.";
        return List.of(writeBack(eventId, voided.shipmentId(), voided.picking(), WriteBackKind.TRACKING_NOTE, null,
                "stock.picking", "message_post", note(voided.picking(), text)));
    }

    /** A note that the label is late because the carrier is down, and when it is tried again. */
    public List<OdooWriteBack> forDeferral(String eventId, LabelDeferred deferred) {
        String text = "Label delayed: " + deferred.carrier() + " is not available (" + deferred.reason()
                + "). Carrier Hub tries again at " + deferred.retryAt() + ".";
        return List.of(writeBack(eventId, deferred.shipmentId(), deferred.picking(), WriteBackKind.TRACKING_NOTE, null,
                "stock.picking", "message_post", note(deferred.picking(), text)));
    }

    public List<OdooWriteBack> forException(String eventId, ShipmentException exception) {
        if (exception.picking() == null) {
            return List.of();
        }
        OwnerKind owner = ActivityRouting.ownerOf(exception.stage(), exception.reasonCode());
        String summary = "Shipping exception: " + exception.reasonCode();
        return List.of(writeBack(eventId, exception.shipmentId(), exception.picking(), WriteBackKind.EXCEPTION_ACTIVITY,
                null, "stock.picking", "activity_schedule",
                activity(exception.picking(), summary, exception.message(), owner, exception.occurredAt())));
    }

    /**
     * A finance activity for a billing discrepancy, on the picking of the shipment ({@code picking} is the
     * event's, or the one order-intake knows when the event has none). A line within tolerance needs no one.
     */
    public List<OdooWriteBack> forDiscrepancy(String eventId, BillingDiscrepancy discrepancy, OdooPickingRef picking) {
        if (picking == null || discrepancy.kind() == DiscrepancyKind.WITHIN_TOLERANCE) {
            return List.of();
        }
        String summary = "Billing discrepancy: " + discrepancy.kind().name().toLowerCase(Locale.ROOT).replace('_', ' ')
                + " on invoice " + discrepancy.invoiceNumber();
        StringBuilder note = new StringBuilder();
        note.append(discrepancy.carrier()).append(" invoice ").append(discrepancy.invoiceNumber());
        if (discrepancy.trackingNumber() != null) {
            note.append(", tracking ").append(discrepancy.trackingNumber());
        }
        note.append(": billed ").append(money(discrepancy.billed()));
        if (discrepancy.expected() != null) {
            note.append(", expected ").append(money(discrepancy.expected()));
        }
        if (discrepancy.variance() != null) {
            note.append(", variance ").append(money(discrepancy.variance()));
        }
        note.append('.');
        if (discrepancy.detail() != null && !discrepancy.detail().isBlank()) {
            note.append('\n').append(discrepancy.detail());
        }
        return List.of(writeBack(eventId, discrepancy.shipmentId(), picking, WriteBackKind.FINANCE_ACTIVITY, null,
                "stock.picking", "activity_schedule",
                activity(picking, summary, note.toString(), OwnerKind.FINANCE, discrepancy.detectedAt())));
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
        call.put("subtype_xmlid", NOTE_SUBTYPE);
        return call;
    }

    private ObjectNode activity(OdooPickingRef picking, String summary, String note, OwnerKind owner, Instant raisedAt) {
        ObjectNode activity = mapper.createObjectNode();
        activity.putArray("ids").add(picking.pickingId());
        activity.put("act_type_xmlid", EXCEPTION_TYPE_XMLID);
        activity.put("summary", summary);
        activity.put("note", note);
        activity.put("owner", owner.code());
        activity.put("raised_at", raisedAt.toString());
        return activity;
    }

    /** {@code Label-<carrier>-<tracking>[-<parcel>].<ext>}, as the recorded write-back named it; unique per label. */
    static String labelFileName(ShipmentLabeled labeled, LabelRef label, int position) {
        String parcel = label.parcelReference() != null ? label.parcelReference()
                : labeled.labels().size() > 1 ? Integer.toString(position) : null;
        String name = "Label-" + labeled.carrier() + "-" + labeled.trackingNumber() + (parcel == null ? "" : "-" + parcel);
        return name.replaceAll("[^A-Za-z0-9._-]", "_") + "." + extension(label.format());
    }

    static String mimetype(String format) {
        return switch (format.toUpperCase(Locale.ROOT)) {
            case "PDF" -> "application/pdf";
            case "PNG" -> "image/png";
            case "ZPL" -> "text/plain";
            default -> "application/octet-stream";
        };
    }

    private static String extension(String format) {
        return switch (format.toUpperCase(Locale.ROOT)) {
            case "PDF" -> "pdf";
            case "PNG" -> "png";
            case "ZPL" -> "zpl";
            default -> "bin";
        };
    }

    private static String money(Money money) {
        return money.amount().toPlainString() + " " + money.currency();
    }

    private static OdooWriteBack writeBack(String eventId, String shipmentId, OdooPickingRef picking, WriteBackKind kind,
            String detail, String model, String method, ObjectNode payload) {
        OdooWriteBack writeBack = new OdooWriteBack();
        writeBack.id = UUID.randomUUID();
        writeBack.idempotencyKey = eventId + ":" + kind.code() + (detail == null ? "" : ":" + detail);
        writeBack.shipmentId = shipmentId;
        writeBack.tenant = picking.tenant();
        writeBack.pickingId = picking.pickingId();
        writeBack.kind = kind.code();
        writeBack.model = model;
        writeBack.method = method;
        writeBack.payload = payload.toString();
        writeBack.status = OdooWriteBack.Status.PLANNED;
        writeBack.plannedAt = Instant.now();
        writeBack.nextAttemptAt = writeBack.plannedAt;
        return writeBack;
    }
}
