package dev.carrierhub.carriers.shippo;

import dev.carrierhub.contracts.events.Milestone;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;

/**
 * Shippo's {@code TrackingStatusEnum} and its canonical milestone, refined by {@code substatus.code} where Shippo
 * has no status of its own (out for delivery, waiting at a pickup point, failed attempt) — carrier-specs
 * {@code status-mapping.json}, section {@code shippo}.
 */
public enum ShippoStatus {
    UNKNOWN(Milestone.UNKNOWN),
    PRE_TRANSIT(Milestone.PRE_TRANSIT),
    TRANSIT(Milestone.IN_TRANSIT),
    DELIVERED(Milestone.DELIVERED),
    RETURNED(Milestone.RETURNED_TO_SENDER),
    FAILURE(Milestone.EXCEPTION);

    /** Substatus codes that name a finer milestone than their status. */
    static final Map<String, Milestone> SUBSTATUS = Map.of(
            "out_for_delivery", Milestone.OUT_FOR_DELIVERY,
            "package_available_for_pickup", Milestone.AVAILABLE_FOR_PICKUP,
            "delivery_attempted", Milestone.DELIVERY_ATTEMPTED);

    private final Milestone milestone;

    ShippoStatus(Milestone milestone) {
        this.milestone = milestone;
    }

    public Milestone milestone() {
        return milestone;
    }

    public static Optional<ShippoStatus> ofWireName(String wireName) {
        return Arrays.stream(values()).filter(s -> s.name().equals(wireName)).findFirst();
    }

    /**
     * The milestone of a status and its substatus code; the substatus refines only while the parcel is under way
     * (a {@code TRANSIT} or {@code UNKNOWN} status), so it never undoes a delivery or a return.
     */
    public static Milestone milestoneOf(String status, String substatusCode) {
        Milestone base = status == null ? Milestone.UNKNOWN
                : ofWireName(status).map(ShippoStatus::milestone).orElse(Milestone.UNKNOWN);
        if ((base == Milestone.IN_TRANSIT || base == Milestone.UNKNOWN) && substatusCode != null
                && SUBSTATUS.containsKey(substatusCode)) {
            return SUBSTATUS.get(substatusCode);
        }
        return base;
    }
}
