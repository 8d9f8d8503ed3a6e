package dev.carrierhub.carriers.sendcloud;

import dev.carrierhub.contracts.events.Milestone;
import java.util.Map;

/**
 * The numeric parcel status ids of Sendcloud's integration webhooks ({@code parcel_status_changed} →
 * {@code parcel.status.id}) and their canonical milestone.
 *
 * <p>carrier-specs has no table for these ids ({@code status-mapping.json} says to build it from
 * {@code GET /api/v2/parcels/statuses}); its specs confirm only 11 Delivered, 1000 Ready to send and 2000
 * Cancelled. The other ids are those of Sendcloud's published parcel status list: check them against your
 * account's list. An id that is not here is {@code UNKNOWN}, which is kept in the history but never moves the
 * milestone, so an unknown or changed id can delay a milestone but not set a wrong one. Requests in progress
 * (cancellation requested, a changed date, method or address) are {@code UNKNOWN} for the same reason: they do
 * not say where the parcel is.
 */
public final class SendcloudParcelStatus {
    static final Map<Integer, Milestone> BY_ID = Map.ofEntries(
            Map.entry(999, Milestone.PRE_TRANSIT),          // No label
            Map.entry(1000, Milestone.PRE_TRANSIT),         // Ready to send
            Map.entry(1001, Milestone.PRE_TRANSIT),         // Being announced
            Map.entry(13, Milestone.PRE_TRANSIT),           // Announced: not collected
            Map.entry(1002, Milestone.EXCEPTION),           // Announcement failed
            Map.entry(3, Milestone.IN_TRANSIT),             // En route to sorting center
            Map.entry(4, Milestone.IN_TRANSIT),             // Delivery delayed
            Map.entry(5, Milestone.IN_TRANSIT),             // Sorted
            Map.entry(7, Milestone.IN_TRANSIT),             // Being sorted
            Map.entry(22, Milestone.IN_TRANSIT),            // Shipment picked up by driver
            Map.entry(62989, Milestone.IN_TRANSIT),         // At customs
            Map.entry(62990, Milestone.IN_TRANSIT),         // At sorting centre
            Map.entry(8, Milestone.DELIVERY_ATTEMPTED),     // Delivery attempt failed
            Map.entry(12, Milestone.AVAILABLE_FOR_PICKUP),  // Awaiting customer pickup
            Map.entry(11, Milestone.DELIVERED),             // Delivered
            Map.entry(15, Milestone.EXCEPTION),             // Error collecting
            Map.entry(80, Milestone.EXCEPTION),             // Unable to deliver
            Map.entry(62991, Milestone.EXCEPTION),          // Refused by recipient
            Map.entry(62996, Milestone.EXCEPTION),          // Exception
            Map.entry(62992, Milestone.RETURNED_TO_SENDER), // Returned to sender
            Map.entry(2000, Milestone.CANCELLED));          // Cancelled

    private SendcloudParcelStatus() {
    }

    /** The milestone of a status id; an id not in the table, or none, is {@link Milestone#UNKNOWN}. */
    public static Milestone milestoneOf(Integer statusId) {
        return statusId == null ? Milestone.UNKNOWN : BY_ID.getOrDefault(statusId, Milestone.UNKNOWN);
    }
}
