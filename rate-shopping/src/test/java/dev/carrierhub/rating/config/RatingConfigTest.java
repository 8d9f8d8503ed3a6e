package dev.carrierhub.rating.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.carrierhub.contracts.shipment.Shipment;
import dev.carrierhub.rating.policy.RoutingPolicies;
import dev.carrierhub.rating.rules.CarrierEligibility;
import dev.carrierhub.testsupport.TestShipments;
import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The settings as an operator writes them, read the way the service reads them. */
class RatingConfigTest {

    @Test
    void nothingConfiguredGivesTheDocumentedDefaults() {
        RatingConfig config = config(Map.of());

        assertThat(config.policy()).isEqualTo("cheapest");
        assertThat(config.deadline()).isEqualTo(Duration.ofMillis(2500));
        assertThat(config.cache().ttl()).isEqualTo(Duration.ofSeconds(60));
        assertThat(config.cache().maxSize()).isEqualTo(10_000);
        assertThat(config.tenants()).isEmpty();
        assertThat(RoutingPolicies.of(config).forShipment(TestShipments.domestic()).name()).isEqualTo("cheapest");
    }

    @Test
    void tenantsGetTheirOwnPolicyAndPreferredCarrierRules() {
        RatingConfig config = config(Map.of(
                "carrierhub.rating.policy", "fastest",
                "carrierhub.rating.tenants.acme.policy", "preferred",
                "carrierhub.rating.tenants.acme.preferred[0].carriers", "ups,dhl",
                "carrierhub.rating.tenants.acme.preferred[0].warehouse", "BER",
                "carrierhub.rating.tenants.acme.preferred[1].carriers", "sandbox-b",
                "carrierhub.rating.tenants.acme.preferred[1].ship-to-country", "DE",
                "carrierhub.rating.tenants.globex.preferred[0].carriers", "ups"));

        assertThat(config.tenants().get("acme").preferred().orElseThrow()).hasSize(2);
        assertThat(config.tenants().get("acme").preferred().orElseThrow().get(0).carriers()).containsExactly("ups", "dhl");
        RoutingPolicies policies = RoutingPolicies.of(config);
        Shipment acme = TestShipments.domestic();
        assertThat(policies.forShipment(acme).name()).isEqualTo("preferred");
        assertThat(policies.forShipment(acme).rank(acme, java.util.List.of(
                dev.carrierhub.rating.policy.Quotes.quote("sandbox", "S", "5.00", 2),
                dev.carrierhub.rating.policy.Quotes.quote("sandbox-b", "S", "9.00", 2))).ranked().get(0).carrier())
                .as("WH to DE: the second rule").isEqualTo("sandbox-b");
        assertThat(config.tenants().get("globex").policy()).as("globex keeps the default policy").isEmpty();
    }

    @Test
    void carrierLimitsBecomeRules() {
        RatingConfig config = config(Map.of(
                "carrierhub.rating.carriers.sandbox.max-parcel-weight-kg", "2",
                "carrierhub.rating.carriers.sandbox.max-parcel-dimensions-cm", "120x60x60",
                "carrierhub.rating.carriers.sandbox.countries", "DE,AT",
                "carrierhub.rating.carriers.sandbox.excluded-countries", "RU",
                "carrierhub.rating.carriers.sandbox.hazardous-allowed", "false",
                "carrierhub.rating.carriers.sandbox.po-box-allowed", "false"));

        RatingConfig.CarrierLimits limits = config.carriers().get("sandbox");
        assertThat(limits.countries().orElseThrow()).containsExactlyInAnyOrder("DE", "AT");
        assertThat(limits.hazardousAllowed()).isFalse();
        assertThat(CarrierEligibility.of(config.carriers()).exclusion("sandbox", TestShipments.domestic()))
                .contains("parcel P1 weighs 2.5 kg, over the carrier's 2 kg");
    }

    @Test
    void aLimitThatCannotBeReadNamesItsKey() {
        RatingConfig config = config(Map.of("carrierhub.rating.carriers.ups.max-parcel-dimensions-cm", "big"));

        assertThatThrownBy(() -> CarrierEligibility.of(config.carriers()))
                .hasMessageContaining("carrierhub.rating.carriers.ups: max-parcel-dimensions-cm");
    }

    @Test
    void anUnknownPolicyNamesTheTenantsKey() {
        RatingConfig config = config(Map.of("carrierhub.rating.tenants.acme.policy", "cheapst"));

        assertThatThrownBy(() -> RoutingPolicies.of(config)).hasMessageContaining("carrierhub.rating.tenants.acme.policy");
    }

    private static RatingConfig config(Map<String, String> properties) {
        return new SmallRyeConfigBuilder()
                .withSources(new PropertiesConfigSource(properties, "test", 100))
                .withConverter(Duration.class, 200, new DurationConverter())
                .withMapping(RatingConfig.class)
                .build()
                .getConfigMapping(RatingConfig.class);
    }
}
