package dev.carrierhub.intake.validation;

import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The hook that says whether a carrier service accepts dangerous goods. Today it is a configured list of
 * {@code carrier/service-code} pairs; a connector capability can replace it without touching the rule.
 */
@FunctionalInterface
public interface HazardousGoodsPolicy {

    boolean allows(String carrier, String serviceCode);

    /** Allows exactly the listed {@code carrier/service-code} pairs (case-insensitive); empty allows none. */
    static HazardousGoodsPolicy allowing(Set<String> carrierServices) {
        Set<String> allowed = carrierServices.stream().map(s -> s.trim().toLowerCase(Locale.ROOT))
                .collect(Collectors.toUnmodifiableSet());
        return (carrier, serviceCode) -> carrier != null && serviceCode != null
                && allowed.contains((carrier + "/" + serviceCode).toLowerCase(Locale.ROOT));
    }
}
