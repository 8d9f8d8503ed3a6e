package dev.carrierhub.rating.rules;

import dev.carrierhub.carriers.Units;
import dev.carrierhub.contracts.shipment.Parcel;
import dev.carrierhub.contracts.shipment.Shipment;
import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;

/** No parcel may weigh more than the carrier takes. */
public record MaxParcelWeightRule(BigDecimal maxKg) implements EligibilityRule {
    public MaxParcelWeightRule {
        Objects.requireNonNull(maxKg, "maxKg");
        if (maxKg.signum() <= 0) {
            throw new IllegalArgumentException("max-parcel-weight-kg must be positive, was " + maxKg);
        }
    }

    @Override
    public Optional<String> exclude(Shipment shipment) {
        for (Parcel parcel : shipment.parcels()) {
            BigDecimal kg = Units.kilograms(parcel.weight());
            if (kg.compareTo(maxKg) > 0) {
                return Optional.of("parcel " + parcel.reference() + " weighs " + kg.stripTrailingZeros().toPlainString()
                        + " kg, over the carrier's " + maxKg.stripTrailingZeros().toPlainString() + " kg");
            }
        }
        return Optional.empty();
    }
}
