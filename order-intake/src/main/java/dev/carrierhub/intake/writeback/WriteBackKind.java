package dev.carrierhub.intake.writeback;

import java.util.Arrays;
import java.util.Optional;

/**
 * What a write-back does in Odoo, and what makes repeating it safe after an attempt whose outcome is
 * unknown (a timeout, a reset connection, a crash between the call and the stored outcome). Odoo has
 * no idempotency key, so each kind checks Odoo itself before it repeats a call that may have landed.
 */
public enum WriteBackKind {
    /**
     * {@code stock.picking.write} of {@code carrier_tracking_ref} and {@code carrier_price}. A write is
     * idempotent (the same values again change nothing); still, the values are read back first and the
     * write is skipped when they are already there, so a repeat cannot undo a later edit made in Odoo.
     */
    TRACKING_REFERENCE("tracking-reference"),
    /**
     * {@code ir.attachment.create} of the label file, base64 {@code datas}. Not idempotent: before a
     * repeat, the picking's attachments are searched by {@code res_model}, {@code res_id} and the label's
     * file name (which carries the tracking number and parcel); a match is taken as the created one.
     */
    LABEL_ATTACHMENT("label-attachment"),
    /**
     * {@code message_post} of the label note with the attachments' ids. Not idempotent: before a repeat,
     * the picking's notes since shortly before planning are read; a note linking the same attachments (or,
     * without attachments, with the same text) is taken as posted.
     */
    LABEL_NOTE("label-note"),
    /** {@code message_post} of a tracking milestone; checked like the label note, by its text. */
    TRACKING_NOTE("tracking-note"),
    /**
     * {@code activity_schedule} of an "Exception" activity for the owner the reason routes to. Not
     * idempotent: before a repeat, the picking's open activities of that type with the same summary are
     * searched; one found is taken as scheduled (a duplicate would only be a second reminder anyway).
     */
    EXCEPTION_ACTIVITY("exception-activity"),
    /** {@code activity_schedule} of a billing discrepancy for finance; checked like the exception activity. */
    FINANCE_ACTIVITY("finance-activity");

    private final String code;

    WriteBackKind(String code) {
        this.code = code;
    }

    /** The name stored in {@code odoo_writeback.kind} and used in idempotency keys. */
    public String code() {
        return code;
    }

    public static Optional<WriteBackKind> of(String code) {
        return Arrays.stream(values()).filter(kind -> kind.code.equals(code)).findFirst();
    }
}
