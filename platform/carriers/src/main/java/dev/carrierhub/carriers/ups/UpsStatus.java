package dev.carrierhub.carriers.ups;

import dev.carrierhub.contracts.events.Milestone;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * UPS tracking status vocabulary → canonical milestone, after {@code carrier-specs/status-mapping.json}
 * (section {@code ups}).
 *
 * <p>The trap: activity type {@code D} does not mean delivered. UPS uses it for "loaded on delivery
 * vehicle", "out for delivery" and "delivered" alike, and its own example of out-for-delivery is type
 * {@code I} with code {@code OT}. So a type {@code D} activity is {@code DELIVERED} only when the package
 * carries proof of delivery (a delivery date or time of type {@code DEL}) and it is the package's last
 * type {@code D} activity, or its code is {@code FS}; any other type {@code D} activity is
 * {@code OUT_FOR_DELIVERY}. Code {@code OT} is {@code OUT_FOR_DELIVERY} whatever the type. Type {@code U}
 * (updated delivery date) keeps the milestone the package had. Unknown types are {@code UNKNOWN}.
 */
public final class UpsStatus {
    /** Activity {@code status.type} → milestone, as in the JSON's {@code map_type}. */
    static final Map<String, Milestone> BY_TYPE = Map.of(
            "M", Milestone.PRE_TRANSIT,
            "MV", Milestone.CANCELLED,
            "P", Milestone.IN_TRANSIT,
            "I", Milestone.IN_TRANSIT,
            "U", Milestone.IN_TRANSIT,
            "X", Milestone.EXCEPTION,
            "D", Milestone.DELIVERED,
            "RS", Milestone.RETURNED_TO_SENDER,
            "O", Milestone.OUT_FOR_DELIVERY,
            "NA", Milestone.UNKNOWN);

    /** Activity {@code status.code} that decides the milestone whatever the type, as in {@code refine_with_code}. */
    static final Map<String, Milestone> BY_CODE = Map.of(
            "OT", Milestone.OUT_FOR_DELIVERY,
            "FS", Milestone.DELIVERED);

    static final String DELIVERED_TYPE = "D";
    static final String UPDATED_TYPE = "U";

    private UpsStatus() {
    }

    /** The milestone the JSON's tables give a type (with {@code D} → {@code DELIVERED} before the trap is applied). */
    public static Optional<Milestone> ofType(String type) {
        return Optional.ofNullable(type).map(t -> BY_TYPE.get(t.trim().toUpperCase(Locale.ROOT)));
    }

    /** The milestone a status code decides on its own ({@code OT}, {@code FS}), if any. */
    public static Optional<Milestone> ofCode(String code) {
        return Optional.ofNullable(code).map(c -> BY_CODE.get(c.trim().toUpperCase(Locale.ROOT)));
    }

    /**
     * The milestone of one activity.
     *
     * @param type             the activity's {@code status.type}
     * @param code             the activity's {@code status.code}
     * @param deliveryActivity whether this is the activity the package's proof of delivery points at
     * @param previous         the milestone before this activity (for type {@code U}), or null
     */
    public static Milestone milestone(String type, String code, boolean deliveryActivity, Milestone previous) {
        Optional<Milestone> byCode = ofCode(code);
        if (byCode.isPresent()) {
            return byCode.get();
        }
        String normalised = type == null ? "" : type.trim().toUpperCase(Locale.ROOT);
        if (DELIVERED_TYPE.equals(normalised)) {
            return deliveryActivity ? Milestone.DELIVERED : Milestone.OUT_FOR_DELIVERY;
        }
        if (UPDATED_TYPE.equals(normalised) && previous != null) {
            return previous;
        }
        return ofType(normalised).orElse(Milestone.UNKNOWN);
    }

    /** Whether the type and code are in the tables; an unmapped status is reported as a message. */
    static boolean known(String type, String code) {
        return ofCode(code).isPresent() || ofType(type).isPresent();
    }
}
