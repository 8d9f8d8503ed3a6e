package dev.carrierhub.tracking.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.carrierhub.contracts.events.Milestone;
import dev.carrierhub.contracts.events.ProofOfDelivery;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TimelineTest {
    private static final Instant T0 = Instant.parse("2026-03-02T08:00:00Z");

    @Test
    void aLabeledShipmentWithoutEventsIsPreTransit() {
        assertThat(Timeline.empty().milestone()).isEqualTo(Milestone.PRE_TRANSIT);
        assertThat(Timeline.empty().decisive()).isEmpty();
    }

    @Test
    void theMilestoneFollowsTheLatestCarrierTimeNotTheArrivalOrder() {
        Timeline timeline = Timeline.empty()
                .with(entry("e2", Milestone.OUT_FOR_DELIVERY, 120, 1))
                .with(entry("e1", Milestone.IN_TRANSIT, 60, 2));

        assertThat(timeline.milestone()).isEqualTo(Milestone.OUT_FOR_DELIVERY);
        assertThat(timeline.entries()).extracting(TimelineEntry::eventId).containsExactly("e1", "e2");
    }

    @Test
    void anOlderEventArrivingLateJoinsTheHistoryWithoutMovingTheMilestone() {
        Timeline before = Timeline.empty().with(entry("e2", Milestone.OUT_FOR_DELIVERY, 120, 1));

        MilestoneChange change = MilestoneChange.of(before, entry("e1", Milestone.IN_TRANSIT, 60, 2));

        assertThat(change.duplicate()).isFalse();
        assertThat(change.current()).isEqualTo(Milestone.OUT_FOR_DELIVERY);
        assertThat(change.publishes()).isFalse();
        assertThat(before.with(entry("e1", Milestone.IN_TRANSIT, 60, 2)).entries()).hasSize(2);
    }

    @Test
    void deliveredNeverRegressesEvenForEventsStampedLater() {
        Timeline delivered = Timeline.empty()
                .with(entry("e1", Milestone.IN_TRANSIT, 60, 1))
                .with(entry("e2", Milestone.DELIVERED, 120, 2));

        for (Milestone later : List.of(Milestone.IN_TRANSIT, Milestone.OUT_FOR_DELIVERY, Milestone.EXCEPTION,
                Milestone.RETURNED_TO_SENDER, Milestone.DELIVERY_ATTEMPTED)) {
            MilestoneChange change = MilestoneChange.of(delivered, entry("late-" + later, later, 600, 3));
            assertThat(change.current()).as("after a later %s", later).isEqualTo(Milestone.DELIVERED);
            assertThat(change.publishes()).isFalse();
            assertThat(change.raisesException()).isFalse();
        }
    }

    @Test
    void theSameEventIdCountsOnceWhicheverCopyArrivesFirst() {
        TimelineEntry first = entry("e1", Milestone.IN_TRANSIT, 60, 1);
        TimelineEntry copy = entry("e1", Milestone.DELIVERED, 90, 2);

        Timeline timeline = Timeline.of(List.of(first, copy));
        MilestoneChange again = MilestoneChange.of(timeline, copy);

        assertThat(timeline.entries()).containsExactly(first);
        assertThat(timeline.milestone()).isEqualTo(Milestone.IN_TRANSIT);
        assertThat(again.duplicate()).isTrue();
        assertThat(again.publishes()).isFalse();
        assertThat(timeline.with(copy)).isSameAs(timeline);
    }

    @Test
    void unknownCarrierStatusesAreKeptButNeverMoveTheMilestone() {
        Timeline timeline = Timeline.empty()
                .with(entry("e1", Milestone.IN_TRANSIT, 60, 1))
                .with(entry("e2", Milestone.UNKNOWN, 120, 2));

        assertThat(timeline.entries()).hasSize(2);
        assertThat(timeline.milestone()).isEqualTo(Milestone.IN_TRANSIT);
        assertThat(Timeline.empty().with(entry("u", Milestone.UNKNOWN, 1, 1)).milestone())
                .isEqualTo(Milestone.PRE_TRANSIT);
    }

    @Test
    void equalCarrierTimesAreBrokenByArrival() {
        Timeline timeline = Timeline.empty()
                .with(entry("a", Milestone.IN_TRANSIT, 60, 1))
                .with(entry("b", Milestone.OUT_FOR_DELIVERY, 60, 2));

        assertThat(timeline.milestone()).isEqualTo(Milestone.OUT_FOR_DELIVERY);
    }

    @Test
    void theMilestoneDoesNotDependOnTheOrderEventsArriveIn() {
        List<TimelineEntry> events = new ArrayList<>(List.of(
                entry("e1", Milestone.PRE_TRANSIT, 0, 1),
                entry("e2", Milestone.IN_TRANSIT, 60, 2),
                entry("e3", Milestone.EXCEPTION, 90, 3),
                entry("e4", Milestone.IN_TRANSIT, 120, 4),
                entry("e5", Milestone.OUT_FOR_DELIVERY, 180, 5),
                entry("e6", Milestone.UNKNOWN, 200, 6)));
        Random random = new Random(7);
        for (int i = 0; i < 200; i++) {
            Collections.shuffle(events, random);
            Timeline timeline = Timeline.empty();
            for (TimelineEntry event : events) {
                timeline = timeline.with(event);
            }
            assertThat(timeline.milestone()).isEqualTo(Milestone.OUT_FOR_DELIVERY);
            assertThat(timeline.entries()).extracting(TimelineEntry::eventId)
                    .containsExactly("e1", "e2", "e3", "e4", "e5", "e6");
        }
    }

    @Test
    void proofOfDeliveryComesFromTheLatestDeliveryThatCarriesOne() {
        ProofOfDelivery proof = new ProofOfDelivery("MÜLLER", T0.plusSeconds(120), "Munich, DE", null);
        Timeline timeline = Timeline.empty()
                .with(entry("e1", Milestone.DELIVERED, 100, 1))
                .with(new TimelineEntry("e2", Milestone.DELIVERED, T0.plusSeconds(120), T0.plusSeconds(500), proof));

        assertThat(timeline.proofOfDelivery()).contains(proof);
        assertThat(timeline.decisive()).map(TimelineEntry::eventId).contains("e1");
    }

    static TimelineEntry entry(String id, Milestone milestone, long atSeconds, long receivedSecondsAfter) {
        return new TimelineEntry(id, milestone, T0.plusSeconds(atSeconds), T0.plusSeconds(1_000 + receivedSecondsAfter),
                null);
    }
}
