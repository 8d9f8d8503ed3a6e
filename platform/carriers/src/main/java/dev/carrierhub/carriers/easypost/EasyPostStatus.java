package dev.carrierhub.carriers.easypost;

import dev.carrierhub.contracts.events.Milestone;
import java.util.Arrays;
import java.util.Optional;

/**
 * EasyPost's {@code Tracker.status} / {@code TrackingDetail.status} vocabulary and its canonical milestone
 * (carrier-specs {@code status-mapping.json}, section {@code easypost}).
 */
public enum EasyPostStatus {
    UNKNOWN("unknown", Milestone.UNKNOWN),
    PRE_TRANSIT("pre_transit", Milestone.PRE_TRANSIT),
    IN_TRANSIT("in_transit", Milestone.IN_TRANSIT),
    OUT_FOR_DELIVERY("out_for_delivery", Milestone.OUT_FOR_DELIVERY),
    AVAILABLE_FOR_PICKUP("available_for_pickup", Milestone.AVAILABLE_FOR_PICKUP),
    DELIVERED("delivered", Milestone.DELIVERED),
    RETURN_TO_SENDER("return_to_sender", Milestone.RETURNED_TO_SENDER),
    FAILURE("failure", Milestone.EXCEPTION),
    CANCELLED("cancelled", Milestone.CANCELLED),
    ERROR("error", Milestone.UNKNOWN);

    private final String wireName;
    private final Milestone milestone;

    EasyPostStatus(String wireName, Milestone milestone) {
        this.wireName = wireName;
        this.milestone = milestone;
    }

    public String wireName() {
        return wireName;
    }

    public Milestone milestone() {
        return milestone;
    }

    public static Optional<EasyPostStatus> ofWireName(String wireName) {
        return Arrays.stream(values()).filter(s -> s.wireName.equals(wireName)).findFirst();
    }

    /** The milestone of a status as written on the wire; an unknown or missing one is {@link Milestone#UNKNOWN}. */
    public static Milestone milestoneOf(String wireName) {
        return wireName == null ? Milestone.UNKNOWN : ofWireName(wireName).map(EasyPostStatus::milestone).orElse(Milestone.UNKNOWN);
    }
}
