package dev.carrierhub.contracts.events;

/** The canonical tracking milestones every carrier's status vocabulary is mapped to. */
public enum Milestone {
    UNKNOWN,
    PRE_TRANSIT,
    IN_TRANSIT,
    OUT_FOR_DELIVERY,
    AVAILABLE_FOR_PICKUP,
    DELIVERY_ATTEMPTED,
    DELIVERED,
    EXCEPTION,
    RETURNED_TO_SENDER,
    CANCELLED
}
