package dev.carrierhub.intake.service;

import dev.carrierhub.intake.client.ChangedPicking;
import dev.carrierhub.intake.repository.IntakeShipment;
import dev.carrierhub.intake.repository.WebhookEvent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which of the pickings the sweep found no webhook has brought: a ready picking without a shipment, or a
 * cancelled one whose shipment's label is not being voided yet, and of which the intake has no event
 * received since its last change (that event is handling it, or has settled it).
 */
public final class SweepSelection {
    private SweepSelection() {
    }

    public static List<ChangedPicking> missed(Collection<ChangedPicking> found, Collection<IntakeShipment> shipments,
            Collection<WebhookEvent> events) {
        Map<Long, IntakeShipment> shipmentByPicking = new HashMap<>();
        shipments.forEach(shipment -> shipmentByPicking.put(shipment.pickingId, shipment));
        Map<Long, List<WebhookEvent>> eventsByPicking = new HashMap<>();
        events.forEach(event -> eventsByPicking.computeIfAbsent(event.recordId, id -> new ArrayList<>()).add(event));
        // A picking changed twice while the sweep paged appears twice: its newest row counts.
        Map<Long, ChangedPicking> latest = new LinkedHashMap<>();
        found.forEach(picking -> latest.put(picking.pickingId(), picking));

        List<ChangedPicking> missed = new ArrayList<>();
        for (ChangedPicking picking : latest.values()) {
            if (heardOf(picking, eventsByPicking.getOrDefault(picking.pickingId(), List.of()))) {
                continue;
            }
            IntakeShipment shipment = shipmentByPicking.get(picking.pickingId());
            boolean wanted = PickingDisposition.CANCELLED.equals(picking.state())
                    ? shipment != null && shipment.status != IntakeShipment.Status.CANCEL_REQUESTED
                    : shipment == null;
            if (wanted) {
                missed.add(picking);
            }
        }
        return missed;
    }

    /**
     * An event still waiting to be processed, or one received after the picking's last change (Odoo sends its
     * webhook inside the transaction that stamps write_date, so that webhook arrives after the stamp).
     */
    private static boolean heardOf(ChangedPicking picking, List<WebhookEvent> events) {
        for (WebhookEvent event : events) {
            if (event.status == WebhookEvent.Status.RECEIVED) {
                return true;
            }
            if (picking.writeDate() != null && !event.receivedAt.isBefore(picking.writeDate())) {
                return true;
            }
        }
        return false;
    }
}
