package dev.carrierhub.carriers.fedex;

import dev.carrierhub.contracts.events.Milestone;
import java.util.Locale;
import java.util.Map;

/**
 * FedEx's derived tracking status codes ({@code latestStatusDetail.derivedCode}, {@code scanEvents[].derivedStatusCode})
 * and their canonical milestone, after carrier-specs {@code status-mapping.json}, section {@code fedex}. The code
 * values come from FedEx's Track code list as quoted by third parties, not from a FedEx spec in hand.
 *
 * <p>{@code DE} (delivery exception) is often a failed attempt, but FedEx says so only in free text, so it stays
 * {@code EXCEPTION}, which a person looks at. The delays {@code CD}, {@code DD} and {@code DY} keep the parcel
 * {@code IN_TRANSIT}. Unknown codes are {@code UNKNOWN}.
 */
public final class FedExStatus {
    static final Map<String, Milestone> BY_CODE = Map.ofEntries(
            Map.entry("OC", Milestone.PRE_TRANSIT),
            Map.entry("SP", Milestone.PRE_TRANSIT),
            Map.entry("PU", Milestone.IN_TRANSIT),
            Map.entry("PX", Milestone.IN_TRANSIT),
            Map.entry("IT", Milestone.IN_TRANSIT),
            Map.entry("IX", Milestone.IN_TRANSIT),
            Map.entry("AR", Milestone.IN_TRANSIT),
            Map.entry("AF", Milestone.IN_TRANSIT),
            Map.entry("AA", Milestone.IN_TRANSIT),
            Map.entry("AC", Milestone.IN_TRANSIT),
            Map.entry("AP", Milestone.IN_TRANSIT),
            Map.entry("AX", Milestone.IN_TRANSIT),
            Map.entry("DP", Milestone.IN_TRANSIT),
            Map.entry("CC", Milestone.IN_TRANSIT),
            Map.entry("CP", Milestone.IN_TRANSIT),
            Map.entry("CD", Milestone.IN_TRANSIT),
            Map.entry("DD", Milestone.IN_TRANSIT),
            Map.entry("DY", Milestone.IN_TRANSIT),
            Map.entry("OD", Milestone.OUT_FOR_DELIVERY),
            Map.entry("AD", Milestone.OUT_FOR_DELIVERY),
            Map.entry("ED", Milestone.OUT_FOR_DELIVERY),
            Map.entry("HL", Milestone.AVAILABLE_FOR_PICKUP),
            Map.entry("DL", Milestone.DELIVERED),
            Map.entry("DE", Milestone.EXCEPTION),
            Map.entry("SE", Milestone.EXCEPTION),
            Map.entry("CA", Milestone.CANCELLED),
            Map.entry("RS", Milestone.RETURNED_TO_SENDER));

    private FedExStatus() {
    }

    /** The milestone of a derived status code; an unknown or missing one is {@link Milestone#UNKNOWN}. */
    public static Milestone milestoneOf(String derivedCode) {
        return derivedCode == null ? Milestone.UNKNOWN
                : BY_CODE.getOrDefault(derivedCode.trim().toUpperCase(Locale.ROOT), Milestone.UNKNOWN);
    }
}
