package dev.carrierhub.rating.policy;

import dev.carrierhub.contracts.shipment.Shipment;
import dev.carrierhub.rating.config.RatingConfig;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The routing policy of each tenant, resolved once at start-up from {@code carrierhub.rating.policy} and
 * {@code carrierhub.rating.tenants.<tenant>.*}: a misspelt name stops the service instead of failing every
 * shipment.
 */
public final class RoutingPolicies {
    public static final List<String> NAMES = List.of(CheapestPolicy.NAME, FastestPolicy.NAME,
            CheapestInLevelPolicy.NAME, PreferredCarrierPolicy.NAME);

    private final RoutingPolicy fallback;
    private final Map<String, RoutingPolicy> byTenant;

    public RoutingPolicies(RoutingPolicy fallback, Map<String, RoutingPolicy> byTenant) {
        this.fallback = fallback;
        this.byTenant = Map.copyOf(byTenant);
    }

    public static RoutingPolicies of(RatingConfig config) {
        Map<String, RoutingPolicy> byTenant = new HashMap<>();
        config.tenants().forEach((tenant, settings) -> {
            List<CarrierPreference> preferences = settings.preferred().orElse(List.of()).stream()
                    .map(p -> new CarrierPreference(p.carriers(), p.warehouse(), p.shipToCountry(), p.shipToPartner()))
                    .toList();
            String name = settings.policy().orElse(config.policy());
            byTenant.put(tenant, named(name, preferences, "carrierhub.rating.tenants." + tenant + ".policy"));
        });
        return new RoutingPolicies(named(config.policy(), List.of(), "carrierhub.rating.policy"), byTenant);
    }

    /** The policy of the shipment's tenant (its Odoo database), or the default one. */
    public RoutingPolicy forShipment(Shipment shipment) {
        return byTenant.getOrDefault(shipment.picking().tenant(), fallback);
    }

    /** The policy called {@code name} (case-insensitive); an unknown name is a configuration error. */
    public static RoutingPolicy named(String name, List<CarrierPreference> preferences, String key) {
        String wanted = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
        return switch (wanted) {
            case CheapestPolicy.NAME -> new CheapestPolicy();
            case FastestPolicy.NAME -> new FastestPolicy();
            case CheapestInLevelPolicy.NAME -> new CheapestInLevelPolicy();
            case PreferredCarrierPolicy.NAME -> new PreferredCarrierPolicy(preferences);
            default -> throw new IllegalArgumentException(
                    key + " '" + name + "' is not a routing policy; known: " + NAMES);
        };
    }
}
