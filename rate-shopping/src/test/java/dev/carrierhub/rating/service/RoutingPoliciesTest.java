package dev.carrierhub.rating.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RoutingPoliciesTest {

    @Test
    void policiesAreFoundByTheirConfiguredName() {
        assertThat(RoutingPolicies.named("cheapest")).isInstanceOf(CheapestPolicy.class);
        assertThat(RoutingPolicies.named(" Fastest ")).isInstanceOf(FastestPolicy.class);
    }

    @Test
    void anUnknownNameIsAConfigurationErrorThatListsTheKnownOnes() {
        assertThatThrownBy(() -> RoutingPolicies.named("cheapst"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cheapst").hasMessageContaining("[cheapest, fastest]");
        assertThatThrownBy(() -> RoutingPolicies.named(null)).isInstanceOf(IllegalArgumentException.class);
    }
}
