package dev.carrierhub.carriers;

import java.util.Objects;
import java.util.Set;

/**
 * What a carrier connector supports, declared up front so callers route around a gap instead of
 * discovering it by failure.
 *
 * @param rate         quotes prices
 * @param ship         books shipments and returns labels
 * @param voidLabel    voids a booked label
 * @param track        answers tracking look-ups (polling)
 * @param trackerPush  pushes tracking callbacks after {@link CarrierConnector#registerTracker}
 * @param multiParcel  books several parcels in one shipment
 * @param customs      accepts customs lines for cross-border shipments
 * @param labelFormats the label formats it returns, from {@link Label#PDF}, {@link Label#ZPL}, {@link Label#PNG}
 */
public record Capabilities(
        boolean rate,
        boolean ship,
        boolean voidLabel,
        boolean track,
        boolean trackerPush,
        boolean multiParcel,
        boolean customs,
        Set<String> labelFormats) {
    public Capabilities {
        labelFormats = Set.copyOf(Objects.requireNonNull(labelFormats, "labelFormats"));
    }
}
