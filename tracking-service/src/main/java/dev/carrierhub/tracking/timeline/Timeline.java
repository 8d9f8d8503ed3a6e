package dev.carrierhub.tracking.timeline;

import dev.carrierhub.contracts.events.Milestone;
import dev.carrierhub.contracts.events.ProofOfDelivery;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The de-duplicated, chronological history of one tracking number and the milestone it adds up to.
 *
 * <p>The rules, in order: once any event says {@code DELIVERED} the shipment stays delivered, whatever
 * arrives later or claims a later time (carriers do send stray scans after a delivery); otherwise the
 * milestone is that of the latest event by carrier time, so an old event that arrives late changes the
 * history but not the milestone; events the carrier could not map ({@code UNKNOWN}) are kept in the
 * history but never move the milestone; a shipment with no events yet is {@code PRE_TRANSIT}, since it
 * has a label. The same carrier event id counts once, whichever copy arrives first.
 */
public final class Timeline {
    /** The milestone of a labeled shipment the carrier has not scanned yet. */
    public static final Milestone INITIAL = Milestone.PRE_TRANSIT;

    private final List<TimelineEntry> entries;

    private Timeline(List<TimelineEntry> entries) {
        this.entries = List.copyOf(entries);
    }

    public static Timeline empty() {
        return new Timeline(List.of());
    }

    /** The history made of these events: the first copy of each event id wins, then sorted by carrier time. */
    public static Timeline of(Collection<TimelineEntry> events) {
        Map<String, TimelineEntry> byId = new LinkedHashMap<>();
        events.forEach(event -> byId.putIfAbsent(event.eventId(), event));
        List<TimelineEntry> sorted = new ArrayList<>(byId.values());
        sorted.sort(TimelineEntry.CHRONOLOGICAL);
        return new Timeline(sorted);
    }

    public boolean contains(String eventId) {
        return entries.stream().anyMatch(e -> e.eventId().equals(eventId));
    }

    /** This history plus one event; the same timeline when the event is already in it. */
    public Timeline with(TimelineEntry event) {
        if (contains(event.eventId())) {
            return this;
        }
        List<TimelineEntry> more = new ArrayList<>(entries);
        more.add(event);
        return of(more);
    }

    /** The events, oldest first by carrier time. */
    public List<TimelineEntry> entries() {
        return entries;
    }

    public Milestone milestone() {
        return decisive().map(TimelineEntry::milestone).orElse(INITIAL);
    }

    /** The event the milestone rests on: the first delivery if there is one, else the latest known event. */
    public Optional<TimelineEntry> decisive() {
        Optional<TimelineEntry> delivered = entries.stream()
                .filter(e -> e.milestone() == Milestone.DELIVERED).findFirst();
        if (delivered.isPresent()) {
            return delivered;
        }
        for (int i = entries.size() - 1; i >= 0; i--) {
            if (entries.get(i).milestone() != Milestone.UNKNOWN) {
                return Optional.of(entries.get(i));
            }
        }
        return Optional.empty();
    }

    /** The proof of delivery of the latest delivery event that carries one. */
    public Optional<ProofOfDelivery> proofOfDelivery() {
        for (int i = entries.size() - 1; i >= 0; i--) {
            TimelineEntry entry = entries.get(i);
            if (entry.milestone() == Milestone.DELIVERED && entry.proofOfDelivery() != null) {
                return Optional.of(entry.proofOfDelivery());
            }
        }
        return Optional.empty();
    }
}
