package dev.carrierhub.carriers.shipengine;

import dev.carrierhub.contracts.events.Milestone;
import java.util.Locale;
import java.util.Map;

/**
 * ShipEngine's tracking {@code status_code} and {@code status_detail_code} and their canonical milestone, after
 * carrier-specs {@code status-mapping.json}, section {@code shipengine}: the status gives the milestone, and a
 * detail code the table names refines it (an {@code IT} that is {@code OUT_FOR_DELIVERY}, a {@code DE} that is
 * {@code DELIVERED_TO_PICKUP_POINT}). Unknown codes are {@code UNKNOWN}.
 */
public final class ShipEngineStatus {
    static final Map<String, Milestone> BY_STATUS = Map.of(
            "UN", Milestone.UNKNOWN,
            "NY", Milestone.PRE_TRANSIT,
            "AC", Milestone.IN_TRANSIT,
            "IT", Milestone.IN_TRANSIT,
            "AT", Milestone.DELIVERY_ATTEMPTED,
            "SP", Milestone.AVAILABLE_FOR_PICKUP,
            "DE", Milestone.DELIVERED,
            "EX", Milestone.EXCEPTION);

    static final Map<String, Milestone> BY_DETAIL = Map.ofEntries(
            Map.entry("SHIPMENT_CREATED", Milestone.PRE_TRANSIT),
            Map.entry("ELEC_ADVICE_RECD_BY_CARRIER", Milestone.PRE_TRANSIT),
            Map.entry("AWAITING_PICKUP_DROP_OFF", Milestone.PRE_TRANSIT),
            Map.entry("OUT_FOR_DELIVERY", Milestone.OUT_FOR_DELIVERY),
            Map.entry("AWAITING_COLLECTION_FROM_PICKUP_POINT", Milestone.AVAILABLE_FOR_PICKUP),
            Map.entry("DELIVERED_TO_PICKUP_POINT", Milestone.AVAILABLE_FOR_PICKUP),
            Map.entry("ATTEMPTED_DELIVERY", Milestone.DELIVERY_ATTEMPTED),
            Map.entry("ATTEMPTED_DELIVERY_FINAL", Milestone.DELIVERY_ATTEMPTED),
            Map.entry("RETURN_TO_SENDER", Milestone.RETURNED_TO_SENDER),
            Map.entry("UNDELIVERABLE_RETURNED_TO_SENDER", Milestone.RETURNED_TO_SENDER),
            Map.entry("CANCELLED", Milestone.CANCELLED));

    private ShipEngineStatus() {
    }

    /** The milestone of a status and its detail code (either may be null). */
    public static Milestone milestoneOf(String statusCode, String statusDetailCode) {
        if (statusDetailCode != null) {
            Milestone refined = BY_DETAIL.get(statusDetailCode.trim().toUpperCase(Locale.ROOT));
            if (refined != null) {
                return refined;
            }
        }
        return statusCode == null ? Milestone.UNKNOWN
                : BY_STATUS.getOrDefault(statusCode.trim().toUpperCase(Locale.ROOT), Milestone.UNKNOWN);
    }
}
