package dev.carrierhub.rating.rules;

import dev.carrierhub.contracts.shipment.Shipment;
import dev.carrierhub.rating.config.RatingConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The rules each carrier is held to, built from {@code carrierhub.rating.carriers.<carrier>.*}. A carrier
 * without rules takes every shipment.
 */
public final class CarrierEligibility {
    private final Map<String, List<EligibilityRule>> rules;

    public CarrierEligibility(Map<String, List<EligibilityRule>> rules) {
        this.rules = Map.copyOf(rules);
    }

    /** Reads the configured limits; a limit that cannot be read stops the service at start-up. */
    public static CarrierEligibility of(Map<String, RatingConfig.CarrierLimits> limits) {
        return new CarrierEligibility(limits.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> {
            try {
                return rules(e.getValue());
            } catch (IllegalArgumentException invalid) {
                throw new IllegalArgumentException("carrierhub.rating.carriers." + e.getKey() + ": "
                        + invalid.getMessage(), invalid);
            }
        })));
    }

    static List<EligibilityRule> rules(RatingConfig.CarrierLimits limits) {
        List<EligibilityRule> rules = new ArrayList<>();
        limits.maxParcelWeightKg().ifPresent(max -> rules.add(new MaxParcelWeightRule(max)));
        limits.maxParcelDimensionsCm().ifPresent(max -> rules.add(MaxParcelDimensionsRule.parse(max)));
        if (limits.countries().isPresent() || limits.excludedCountries().isPresent()) {
            rules.add(new CountriesRule(limits.countries().orElse(Set.of()),
                    limits.excludedCountries().orElse(Set.of())));
        }
        if (!limits.hazardousAllowed()) {
            rules.add(new HazardousRule());
        }
        if (!limits.poBoxAllowed()) {
            rules.add(new PoBoxRule());
        }
        return rules;
    }

    /** Why {@code carrier} may not carry {@code shipment} (every broken rule, joined), or empty when it may. */
    public Optional<String> exclusion(String carrier, Shipment shipment) {
        List<String> reasons = rules.getOrDefault(carrier, List.of()).stream()
                .map(rule -> rule.exclude(shipment)).flatMap(Optional::stream).toList();
        return reasons.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", reasons));
    }
}
