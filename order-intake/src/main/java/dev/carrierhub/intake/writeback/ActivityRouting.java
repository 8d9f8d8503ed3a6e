package dev.carrierhub.intake.writeback;

import java.util.Locale;

/**
 * Who owns a shipping exception, from where it was raised ({@code stage}) and why ({@code reasonCode}):
 *
 * <table>
 * <tr><th>exception</th><th>owner</th></tr>
 * <tr><td>address and phone problems ({@code address.*}, {@code phone.*}, {@code missing-address}), from any stage</td>
 *     <td>customer service: only the customer can correct them</td></tr>
 * <tr><td>tracking ({@code stage=tracking}: a delivery exception, returned to sender, ...)</td>
 *     <td>customer service: the customer asks where the parcel is</td></tr>
 * <tr><td>a parcel held in customs ({@code exception.customs-hold})</td>
 *     <td>warehouse: the shipper's customs papers are missing or wrong</td></tr>
 * <tr><td>tracking subscription refused ({@code tracker-registration-failed})</td>
 *     <td>warehouse: the parcel left without tracking, a carrier matter</td></tr>
 * <tr><td>validation (parcel, customs, hazardous goods, declared value, unmapped carrier)</td>
 *     <td>warehouse: the picking's packing or data</td></tr>
 * <tr><td>carrier and rating ({@code stage=booking|rating}: refused or unavailable carrier, no quote)</td>
 *     <td>warehouse: another carrier or service must be chosen</td></tr>
 * <tr><td>billing discrepancies</td><td>finance</td></tr>
 * <tr><td>anything else</td><td>warehouse</td></tr>
 * </table>
 */
public final class ActivityRouting {
    private ActivityRouting() {
    }

    /** The owner of a {@code shipment.exception}; billing discrepancies always go to {@link OwnerKind#FINANCE}. */
    public static OwnerKind ownerOf(String stage, String reasonCode) {
        String reason = reasonCode == null ? "" : reasonCode.toLowerCase(Locale.ROOT);
        if (reason.startsWith("address.") || reason.startsWith("phone.") || reason.equals("missing-address")) {
            return OwnerKind.CUSTOMER_SERVICE;
        }
        if (reason.equals("tracker-registration-failed") || reason.equals("exception.customs-hold")) {
            return OwnerKind.WAREHOUSE;
        }
        if ("tracking".equalsIgnoreCase(stage)) {
            return OwnerKind.CUSTOMER_SERVICE;
        }
        if ("billing".equalsIgnoreCase(stage)) {
            return OwnerKind.FINANCE;
        }
        return OwnerKind.WAREHOUSE;
    }
}
