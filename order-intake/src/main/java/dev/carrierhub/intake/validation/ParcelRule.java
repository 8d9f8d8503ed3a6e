package dev.carrierhub.intake.validation;

import static dev.carrierhub.intake.validation.ReasonCodes.PARCEL_DIMENSIONS_EXCEED_LIMIT;
import static dev.carrierhub.intake.validation.ReasonCodes.PARCEL_DIMENSIONS_NOT_POSITIVE;
import static dev.carrierhub.intake.validation.ReasonCodes.PARCEL_WEIGHT_EXCEEDS_LIMIT;
import static dev.carrierhub.intake.validation.ReasonCodes.PARCEL_WEIGHT_NOT_POSITIVE;

import dev.carrierhub.contracts.shipment.Dimensions;
import dev.carrierhub.contracts.shipment.Parcel;
import dev.carrierhub.contracts.shipment.Weight;
import dev.carrierhub.intake.validation.ParcelMeasures.SideLength;
import java.math.BigDecimal;
import java.util.List;
import java.util.stream.Stream;

/**
 * Each parcel weighs something and no more than the tenant's limit, and its sides (when known) are
 * positive and no longer than the tenant's limit. Limits and parcels may use different units: the
 * comparison goes through {@link ParcelMeasures}.
 */
public final class ParcelRule {

    public void check(List<Parcel> parcels, ValidationPolicy policy, List<Violation> violations) {
        for (int i = 0; i < parcels.size(); i++) {
            Parcel parcel = parcels.get(i);
            String field = "parcels[" + i + "]";
            String name = "Parcel " + (i + 1) + " (" + parcel.reference() + ")";
            checkWeight(parcel.weight(), policy.maxParcelWeight(), field, name, violations);
            if (parcel.dimensions() != null) {
                checkDimensions(parcel.dimensions(), policy.maxParcelSide(), field, name, violations);
            }
        }
    }

    private static void checkWeight(Weight weight, Weight max, String field, String name, List<Violation> violations) {
        if (weight.value().signum() <= 0) {
            violations.add(Violation.error(PARCEL_WEIGHT_NOT_POSITIVE, field + ".weight",
                    name + " has no weight; set the shipping weight in Odoo."));
        } else if (ParcelMeasures.compare(weight, max) > 0) {
            violations.add(Violation.error(PARCEL_WEIGHT_EXCEEDS_LIMIT, field + ".weight",
                    name + " weighs " + ParcelMeasures.describe(weight.value(), weight.unit())
                            + ", more than the " + ParcelMeasures.describe(max.value(), max.unit()) + " allowed."));
        }
    }

    private static void checkDimensions(Dimensions dimensions, SideLength max, String field, String name,
            List<Violation> violations) {
        boolean allPositive = Stream.of(dimensions.length(), dimensions.width(), dimensions.height())
                .allMatch(side -> side.signum() > 0);
        if (!allPositive) {
            violations.add(Violation.error(PARCEL_DIMENSIONS_NOT_POSITIVE, field + ".dimensions",
                    name + " has a side of zero or less (" + sides(dimensions) + ")."));
            return;
        }
        BigDecimal longest = ParcelMeasures.longestSide(dimensions);
        if (ParcelMeasures.compare(longest, dimensions.unit(), max.value(), max.unit()) > 0) {
            violations.add(Violation.error(PARCEL_DIMENSIONS_EXCEED_LIMIT, field + ".dimensions",
                    name + " has a side of " + ParcelMeasures.describe(longest, dimensions.unit())
                            + ", longer than the " + max + " allowed."));
        }
    }

    private static String sides(Dimensions d) {
        return d.length().toPlainString() + " x " + d.width().toPlainString() + " x " + d.height().toPlainString() + " "
                + d.unit().name().toLowerCase();
    }
}
