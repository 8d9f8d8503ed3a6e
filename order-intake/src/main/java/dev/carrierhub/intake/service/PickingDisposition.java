package dev.carrierhub.intake.service;

import dev.carrierhub.intake.client.PickingHeader;
import dev.carrierhub.intake.repository.IntakeShipment;
import java.util.Set;

/**
 * What a picking webhook (or a picking the sweep found) means, decided from the picking as Odoo shows it
 * now and the shipment already made for it, if any. A webhook is only a hint: Odoo sends it before its
 * transaction commits, and sends it again (or for a change that is then rolled back) when the transaction
 * is retried. So the state the webhook claims is compared with what a read shows, and the read wins once
 * it has had time to catch up.
 */
public final class PickingDisposition {
    /** Ready pickings ship; so do done ones, for tenants whose rule fires on validation. */
    static final Set<String> SHIPPABLE = Set.of("assigned", "done");
    static final String CANCELLED = "cancel";

    /** What to do with the picking. */
    public enum Action {
        /** Make its shipment: the first time this picking is seen ready. */
        SHIP,
        /** Ask label-service to void the shipment's label: the picking was cancelled after its shipment was made. */
        CANCEL,
        /** Its shipment exists already, or its cancellation was already asked for. */
        DUPLICATE,
        /** Nothing to do, for the reason given (not outgoing, not ready, cancelled before any shipment). */
        IGNORE,
        /** The read does not show the webhook's change yet: Odoo has not committed it. Read again later. */
        WAIT
    }

    /** The action and, for IGNORE and WAIT, why. */
    public record Decision(Action action, String reason) {
        static Decision of(Action action) {
            return new Decision(action, null);
        }
    }

    private PickingDisposition() {
    }

    /**
     * @param picking       the picking as read now
     * @param claimedState  the state the webhook carried, or null when it carried none
     * @param existing      the shipment made for this picking earlier, or null
     * @param mayStillCatchUp whether a read that disagrees with the webhook should be retried (false once the
     *                      webhook has waited long enough to be taken for a rolled-back change)
     */
    public static Decision decide(PickingHeader picking, String claimedState, IntakeShipment existing,
            boolean mayStillCatchUp) {
        if (!picking.isOutgoing()) {
            return new Decision(Action.IGNORE, "picking type " + picking.typeCode() + " is not an outgoing delivery");
        }
        String state = picking.state();
        if (claimedState != null && !claimedState.equals(state) && mayStillCatchUp) {
            return new Decision(Action.WAIT, "the webhook says " + claimedState + " but Odoo still shows " + state);
        }
        if (CANCELLED.equals(state)) {
            if (existing == null) {
                return new Decision(Action.IGNORE, "cancelled before any shipment was made");
            }
            return existing.status == IntakeShipment.Status.CANCEL_REQUESTED ? Decision.of(Action.DUPLICATE)
                    : Decision.of(Action.CANCEL);
        }
        if (!SHIPPABLE.contains(state)) {
            return new Decision(Action.IGNORE, "picking is " + state + ", not ready to ship");
        }
        return existing == null ? Decision.of(Action.SHIP) : Decision.of(Action.DUPLICATE);
    }
}
