package dev.carrierhub.intake.config;

import dev.carrierhub.intake.validation.HazardousGoodsPolicy;
import dev.carrierhub.intake.validation.ParcelMeasures;
import dev.carrierhub.intake.validation.ValidationPolicy;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithDefaults;
import io.smallrye.config.WithName;
import io.smallrye.config.WithParentName;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Each tenant's validation rules, e.g. {@code carrierhub.rules.acme.phone-required=true}. A tenant that
 * sets nothing gets the defaults below.
 */
@ConfigMapping(prefix = "carrierhub.rules")
public interface RulesConfig {

    @WithParentName
    @WithDefaults
    Map<String, Rules> tenants();

    /** The validation policy of one tenant. */
    default ValidationPolicy policy(String tenant) {
        Rules rules = tenants().get(tenant);
        return new ValidationPolicy(rules.phoneRequired(), ParcelMeasures.parseWeight(rules.maxParcelWeight()),
                ParcelMeasures.parseLength(rules.maxParcelSide()), rules.euInternalCustomsExempt(),
                HazardousGoodsPolicy.allowing(new HashSet<>(rules.hazardousServices().orElse(List.of()))));
    }

    /** One tenant's rules. */
    interface Rules {
        /** Whether ship-to and ship-from need a valid phone (some carrier services require one). */
        @WithName("phone-required")
        @WithDefault("false")
        boolean phoneRequired();

        /** The heaviest parcel, with its unit: {@code 70 kg}, {@code 150 lb}. */
        @WithName("max-parcel-weight")
        @WithDefault("70 kg")
        String maxParcelWeight();

        /** The longest side of a parcel, with its unit: {@code 270 cm}, {@code 108 in}. */
        @WithName("max-parcel-side")
        @WithDefault("270 cm")
        String maxParcelSide();

        /** Whether parcels between two EU member states go without customs lines (the customs union). */
        @WithName("eu-internal-customs-exempt")
        @WithDefault("true")
        boolean euInternalCustomsExempt();

        /** {@code carrier/service-code} pairs that accept dangerous goods; none by default. */
        @WithName("hazardous-services")
        Optional<List<String>> hazardousServices();
    }
}
