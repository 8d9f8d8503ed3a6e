package dev.carrierhub.rating.service;

import java.util.List;
import java.util.Locale;

/** The routing policies that can be configured, by name. */
public final class RoutingPolicies {
    private static final List<RoutingPolicy> KNOWN = List.of(new CheapestPolicy(), new FastestPolicy());

    private RoutingPolicies() {
    }

    /** The policy called {@code name} (case-insensitive); an unknown name is a configuration error. */
    public static RoutingPolicy named(String name) {
        String wanted = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
        return KNOWN.stream().filter(policy -> policy.name().equals(wanted)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("carrierhub.rating.policy '" + name
                        + "' is not a routing policy; known: " + KNOWN.stream().map(RoutingPolicy::name).toList()));
    }
}
