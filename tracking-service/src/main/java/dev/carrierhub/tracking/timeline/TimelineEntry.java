package dev.carrierhub.tracking.timeline;

import dev.carrierhub.contracts.events.Milestone;
import dev.carrierhub.contracts.events.ProofOfDelivery;
import java.time.Instant;
import java.util.Comparator;
import java.util.Objects;

/**
 * One carrier event as the milestone rules see it: which event, what it says, when it happened and when
 * we learnt of it (the tie-breaker when a carrier stamps two events with the same time).
 */
public record TimelineEntry(String eventId, Milestone milestone, Instant occurredAt, Instant receivedAt,
        ProofOfDelivery proofOfDelivery) {

    /** Carrier time first; for equal times, the one we received later counts as later. */
    public static final Comparator<TimelineEntry> CHRONOLOGICAL = Comparator.comparing(TimelineEntry::occurredAt)
            .thenComparing(TimelineEntry::receivedAt)
            .thenComparing(TimelineEntry::eventId);

    public TimelineEntry {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(milestone, "milestone");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(receivedAt, "receivedAt");
    }
}
