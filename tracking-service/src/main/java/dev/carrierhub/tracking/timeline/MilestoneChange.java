package dev.carrierhub.tracking.timeline;

import dev.carrierhub.contracts.events.Milestone;
import dev.carrierhub.contracts.events.ProofOfDelivery;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What one more event does to a timeline: whether it was new, the milestone before and after, and
 * whether a proof of delivery arrived with it. Decides what is published.
 */
public record MilestoneChange(boolean duplicate, Milestone previous, Milestone current, ProofOfDelivery proofBefore,
        ProofOfDelivery proofAfter) {

    /** Milestones a person has to act on: each also raises a {@code shipment.exception}. */
    private static final Set<Milestone> NEEDS_ATTENTION =
            EnumSet.of(Milestone.EXCEPTION, Milestone.DELIVERY_ATTEMPTED, Milestone.RETURNED_TO_SENDER);

    /** Applies {@code incoming} to the history {@code before}. */
    public static MilestoneChange of(Timeline before, TimelineEntry incoming) {
        Timeline after = before.with(incoming);
        return between(before, after, before.contains(incoming.eventId()));
    }

    /** The change from one timeline to another, e.g. after adopting several orphaned events at once. */
    public static MilestoneChange between(Timeline before, Timeline after, boolean duplicate) {
        return new MilestoneChange(duplicate, before.milestone(), after.milestone(),
                before.proofOfDelivery().orElse(null), after.proofOfDelivery().orElse(null));
    }

    public boolean milestoneChanged() {
        return previous != current;
    }

    /** A proof of delivery we did not have before (a first one, or a corrected one). */
    public boolean proofArrived() {
        return proofAfter != null && !Objects.equals(proofBefore, proofAfter);
    }

    /** Only a new milestone or a new proof of delivery is worth a {@code tracking.updated}. */
    public boolean publishes() {
        return !duplicate && (milestoneChanged() || proofArrived());
    }

    /** A move into a milestone that needs a person also raises a {@code shipment.exception}. */
    public boolean raisesException() {
        return !duplicate && milestoneChanged() && NEEDS_ATTENTION.contains(current);
    }

    public Optional<ProofOfDelivery> proof() {
        return Optional.ofNullable(proofAfter);
    }
}
