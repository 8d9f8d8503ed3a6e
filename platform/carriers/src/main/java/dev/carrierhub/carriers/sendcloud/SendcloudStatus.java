package dev.carrierhub.carriers.sendcloud;

import dev.carrierhub.contracts.events.Milestone;
import java.util.Map;

/**
 * Sendcloud v3's parcel event vocabulary and its canonical milestone (carrier-specs {@code status-mapping.json},
 * section {@code sendcloud_v3}): the {@code phase} gives the milestone, and an {@code exception} other than
 * {@code none} overrides it where the table names one (a delay keeps the parcel in transit, a return or refusal
 * does not). Exceptions the table does not name keep the phase's milestone.
 */
public final class SendcloudStatus {
    static final Map<String, Milestone> PHASES = Map.ofEntries(
            Map.entry("none", Milestone.UNKNOWN),
            Map.entry("unknown", Milestone.UNKNOWN),
            Map.entry("no_label", Milestone.PRE_TRANSIT),
            Map.entry("ready_to_send", Milestone.PRE_TRANSIT),
            Map.entry("labelled", Milestone.PRE_TRANSIT),
            Map.entry("announcing", Milestone.PRE_TRANSIT),
            Map.entry("announced", Milestone.PRE_TRANSIT),
            Map.entry("dropped", Milestone.IN_TRANSIT),
            Map.entry("accepted", Milestone.IN_TRANSIT),
            Map.entry("sorted", Milestone.IN_TRANSIT),
            Map.entry("in_transit", Milestone.IN_TRANSIT),
            Map.entry("customs", Milestone.IN_TRANSIT),
            Map.entry("in_delivery", Milestone.OUT_FOR_DELIVERY),
            Map.entry("attempted", Milestone.DELIVERY_ATTEMPTED),
            Map.entry("pup", Milestone.AVAILABLE_FOR_PICKUP),
            Map.entry("delivered", Milestone.DELIVERED),
            Map.entry("delivery_forced", Milestone.DELIVERED),
            Map.entry("cancelled", Milestone.CANCELLED));

    static final Map<String, Milestone> EXCEPTIONS = Map.ofEntries(
            Map.entry("returned_sender", Milestone.RETURNED_TO_SENDER),
            Map.entry("cancelled", Milestone.CANCELLED),
            Map.entry("cancelled_upstream", Milestone.CANCELLED),
            Map.entry("address_error", Milestone.EXCEPTION),
            Map.entry("announcement_failed", Milestone.EXCEPTION),
            Map.entry("customs_issue", Milestone.EXCEPTION),
            Map.entry("damaged", Milestone.EXCEPTION),
            Map.entry("missing", Milestone.EXCEPTION),
            Map.entry("refused", Milestone.EXCEPTION),
            Map.entry("hold", Milestone.EXCEPTION),
            Map.entry("delivery_delay", Milestone.IN_TRANSIT),
            Map.entry("sorting_delay", Milestone.IN_TRANSIT),
            Map.entry("handover_delay", Milestone.IN_TRANSIT),
            Map.entry("delay_unknown", Milestone.IN_TRANSIT),
            Map.entry("pup_expiration", Milestone.EXCEPTION),
            Map.entry("dropoff_expiration", Milestone.EXCEPTION));

    private SendcloudStatus() {
    }

    /** The milestone of a phase and an exception (either may be null); unknown codes are {@link Milestone#UNKNOWN}. */
    public static Milestone milestoneOf(String phase, String exception) {
        if (exception != null && !"none".equals(exception) && EXCEPTIONS.containsKey(exception)) {
            return EXCEPTIONS.get(exception);
        }
        return phase == null ? Milestone.UNKNOWN : PHASES.getOrDefault(phase, Milestone.UNKNOWN);
    }

    /**
     * The milestone of a polled tracking event, whose {@code status_code} is a phase (e.g. {@code accepted}) or,
     * failing that, an exception code; its {@code sub_status_code} is a detail, not an exception.
     */
    public static Milestone milestoneOfStatusCode(String statusCode) {
        if (statusCode == null) {
            return Milestone.UNKNOWN;
        }
        if (PHASES.containsKey(statusCode)) {
            return PHASES.get(statusCode);
        }
        return EXCEPTIONS.getOrDefault(statusCode, Milestone.UNKNOWN);
    }
}
