package dev.carrierhub.tracking.timeline;

import static dev.carrierhub.tracking.timeline.TimelineTest.entry;
import static org.assertj.core.api.Assertions.assertThat;

import dev.carrierhub.contracts.events.Milestone;
import dev.carrierhub.contracts.events.ProofOfDelivery;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class MilestoneChangeTest {
    private static final Instant T0 = Instant.parse("2026-03-02T08:00:00Z");

    @Test
    void aNewMilestonePublishesWithThePreviousOne() {
        MilestoneChange change = MilestoneChange.of(Timeline.empty(), entry("e1", Milestone.IN_TRANSIT, 60, 1));

        assertThat(change.previous()).isEqualTo(Milestone.PRE_TRANSIT);
        assertThat(change.current()).isEqualTo(Milestone.IN_TRANSIT);
        assertThat(change.milestoneChanged()).isTrue();
        assertThat(change.publishes()).isTrue();
        assertThat(change.raisesException()).isFalse();
    }

    @Test
    void theSameMilestoneAgainPublishesNothing() {
        Timeline before = Timeline.empty().with(entry("e1", Milestone.IN_TRANSIT, 60, 1));

        MilestoneChange change = MilestoneChange.of(before, entry("e2", Milestone.IN_TRANSIT, 120, 2));

        assertThat(change.milestoneChanged()).isFalse();
        assertThat(change.publishes()).isFalse();
    }

    @Test
    void aProofOfDeliveryArrivingAfterTheDeliveryPublishesWithoutAMilestoneChange() {
        Timeline delivered = Timeline.empty().with(entry("e1", Milestone.DELIVERED, 60, 1));
        ProofOfDelivery proof = new ProofOfDelivery("DOE", T0.plusSeconds(60), "Portland, US", "https://pod/1.jpg");

        MilestoneChange change = MilestoneChange.of(delivered,
                new TimelineEntry("e2", Milestone.DELIVERED, T0.plusSeconds(61), T0.plusSeconds(2_000), proof));

        assertThat(change.milestoneChanged()).isFalse();
        assertThat(change.proofArrived()).isTrue();
        assertThat(change.proof()).contains(proof);
        assertThat(change.publishes()).isTrue();
    }

    @Test
    void theSameProofAgainIsNotNews() {
        ProofOfDelivery proof = new ProofOfDelivery("DOE", T0.plusSeconds(60), "Portland, US", null);
        Timeline delivered = Timeline.empty()
                .with(new TimelineEntry("e1", Milestone.DELIVERED, T0.plusSeconds(60), T0.plusSeconds(1_000), proof));

        MilestoneChange change = MilestoneChange.of(delivered,
                new TimelineEntry("e2", Milestone.DELIVERED, T0.plusSeconds(60), T0.plusSeconds(1_001), proof));

        assertThat(change.proofArrived()).isFalse();
        assertThat(change.publishes()).isFalse();
    }

    @Test
    void onlyMilestonesAPersonMustActOnRaiseAnException() {
        EnumSet<Milestone> raising = EnumSet.noneOf(Milestone.class);
        for (Milestone milestone : Milestone.values()) {
            Timeline before = Timeline.empty().with(entry("e0", Milestone.PRE_TRANSIT, 0, 0));
            if (MilestoneChange.of(before, entry("e1", milestone, 60, 1)).raisesException()) {
                raising.add(milestone);
            }
        }
        assertThat(raising).containsExactlyInAnyOrder(Milestone.EXCEPTION, Milestone.DELIVERY_ATTEMPTED,
                Milestone.RETURNED_TO_SENDER);
    }

    @Test
    void aDuplicateNeverPublishesNorRaises() {
        TimelineEntry failure = entry("e1", Milestone.EXCEPTION, 60, 1);
        Timeline before = Timeline.of(List.of(failure));

        MilestoneChange change = MilestoneChange.of(before, failure);

        assertThat(change.duplicate()).isTrue();
        assertThat(change.publishes()).isFalse();
        assertThat(change.raisesException()).isFalse();
    }

    @Test
    void adoptingSeveralEventsAtOnceComparesTheWholeHistories() {
        Timeline after = Timeline.of(List.of(entry("e1", Milestone.IN_TRANSIT, 60, 1),
                entry("e2", Milestone.OUT_FOR_DELIVERY, 120, 2)));

        MilestoneChange change = MilestoneChange.between(Timeline.empty(), after, false);

        assertThat(change.previous()).isEqualTo(Milestone.PRE_TRANSIT);
        assertThat(change.current()).isEqualTo(Milestone.OUT_FOR_DELIVERY);
        assertThat(change.publishes()).isTrue();
    }
}
