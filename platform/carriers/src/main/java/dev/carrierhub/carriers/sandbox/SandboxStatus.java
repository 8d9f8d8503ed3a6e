package dev.carrierhub.carriers.sandbox;

import dev.carrierhub.contracts.events.Milestone;
import java.util.Arrays;
import java.util.Optional;

/** The sandbox's tracking status vocabulary (EasyPost-like) and the canonical milestone of each. */
public enum SandboxStatus {
    PRE_TRANSIT("pre_transit", Milestone.PRE_TRANSIT),
    IN_TRANSIT("in_transit", Milestone.IN_TRANSIT),
    OUT_FOR_DELIVERY("out_for_delivery", Milestone.OUT_FOR_DELIVERY),
    DELIVERED("delivered", Milestone.DELIVERED),
    FAILURE("failure", Milestone.EXCEPTION),
    RETURN_TO_SENDER("return_to_sender", Milestone.RETURNED_TO_SENDER);

    private final String wireName;
    private final Milestone milestone;

    SandboxStatus(String wireName, Milestone milestone) {
        this.wireName = wireName;
        this.milestone = milestone;
    }

    /** The status as written on the wire, e.g. {@code in_transit}. */
    public String wireName() {
        return wireName;
    }

    public Milestone milestone() {
        return milestone;
    }

    public static Optional<SandboxStatus> ofWireName(String wireName) {
        return Arrays.stream(values()).filter(s -> s.wireName.equals(wireName)).findFirst();
    }
}
