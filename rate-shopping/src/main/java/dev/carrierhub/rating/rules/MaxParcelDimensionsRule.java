package dev.carrierhub.rating.rules;

import dev.carrierhub.carriers.Units;
import dev.carrierhub.contracts.shipment.Dimensions;
import dev.carrierhub.contracts.shipment.Parcel;
import dev.carrierhub.contracts.shipment.Shipment;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * No parcel may be larger than the carrier takes, in any orientation: the sides are compared longest to
 * longest. A parcel without dimensions passes, since nothing says it is too large.
 */
public final class MaxParcelDimensionsRule implements EligibilityRule {
    private final List<BigDecimal> limit;

    private MaxParcelDimensionsRule(List<BigDecimal> limit) {
        this.limit = limit;
    }

    /** Reads {@code LxWxH} in centimetres, e.g. {@code 120x60x60} or {@code 120 x 60 x 60.5}. */
    public static MaxParcelDimensionsRule parse(String text) {
        String[] parts = text == null ? new String[0]
                : text.trim().toLowerCase(Locale.ROOT).split("\\s*[x×*]\\s*");
        if (parts.length != 3) {
            throw new IllegalArgumentException("max-parcel-dimensions-cm must look like 120x60x60, was '" + text + "'");
        }
        try {
            List<BigDecimal> sides = Arrays.stream(parts).map(BigDecimal::new).toList();
            if (sides.stream().anyMatch(side -> side.signum() <= 0)) {
                throw new IllegalArgumentException("max-parcel-dimensions-cm must be positive, was '" + text + "'");
            }
            return new MaxParcelDimensionsRule(longestFirst(sides));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    "max-parcel-dimensions-cm must look like 120x60x60, was '" + text + "'", e);
        }
    }

    @Override
    public Optional<String> exclude(Shipment shipment) {
        for (Parcel parcel : shipment.parcels()) {
            Dimensions d = parcel.dimensions();
            if (d == null) {
                continue;
            }
            List<BigDecimal> sides = longestFirst(List.of(Units.centimetres(d.length(), d.unit()),
                    Units.centimetres(d.width(), d.unit()), Units.centimetres(d.height(), d.unit())));
            for (int i = 0; i < 3; i++) {
                if (sides.get(i).compareTo(limit.get(i)) > 0) {
                    return Optional.of("parcel " + parcel.reference() + " measures " + text(sides)
                            + " cm, larger than the carrier's " + text(limit) + " cm");
                }
            }
        }
        return Optional.empty();
    }

    private static List<BigDecimal> longestFirst(List<BigDecimal> sides) {
        return sides.stream().sorted((a, b) -> b.compareTo(a)).toList();
    }

    private static String text(List<BigDecimal> sides) {
        return sides.stream().map(side -> side.stripTrailingZeros().toPlainString()).collect(Collectors.joining(" x "));
    }

    @Override
    public String toString() {
        return "max " + text(limit) + " cm";
    }
}
