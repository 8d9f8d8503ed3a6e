package dev.carrierhub.rating.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.carrierhub.contracts.shipment.ServiceLevel;
import dev.carrierhub.testsupport.TestShipments;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RoutingPoliciesTest {

    @Test
    void policiesAreFoundByTheirConfiguredName() {
        assertThat(RoutingPolicies.named("cheapest", List.of(), "k")).isInstanceOf(CheapestPolicy.class);
        assertThat(RoutingPolicies.named(" Fastest ", List.of(), "k")).isInstanceOf(FastestPolicy.class);
        assertThat(RoutingPolicies.named("cheapest-in-level", List.of(), "k")).isInstanceOf(CheapestInLevelPolicy.class);
        assertThat(RoutingPolicies.named("PREFERRED", List.of(), "k")).isInstanceOf(PreferredCarrierPolicy.class);
    }

    @Test
    void anUnknownNameIsAConfigurationErrorThatNamesTheKeyAndListsTheKnownOnes() {
        assertThatThrownBy(() -> RoutingPolicies.named("cheapst", List.of(), "carrierhub.rating.tenants.acme.policy"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("carrierhub.rating.tenants.acme.policy 'cheapst'")
                .hasMessageContaining("[cheapest, fastest, cheapest-in-level, preferred]");
        assertThatThrownBy(() -> RoutingPolicies.named(null, List.of(), "k")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void eachTenantHasItsOwnPolicyAndTheOthersTheDefault() {
        RoutingPolicies policies = new RoutingPolicies(new CheapestPolicy(), Map.of("globex", new FastestPolicy()));

        assertThat(policies.forShipment(Quotes.shipment("globex", "WH", TestShipments.CUSTOMER, ServiceLevel.STANDARD,
                null)).name()).isEqualTo("fastest");
        assertThat(policies.forShipment(TestShipments.domestic()).name()).isEqualTo("cheapest");
    }
}
