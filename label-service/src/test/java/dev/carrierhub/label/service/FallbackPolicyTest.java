package dev.carrierhub.label.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.carrierhub.contracts.events.Quote;
import dev.carrierhub.contracts.shipment.Money;
import dev.carrierhub.contracts.shipment.ServiceLevel;
import dev.carrierhub.label.config.LabelConfig;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FallbackPolicyTest {
    private static final Quote CHOSEN = quote("dhl", "PAKET", "10.00", "EUR");
    private static final Quote SAME_SERVICE = quote("dhl", "PAKET", "10.00", "EUR");
    private static final Quote OTHER_DHL = quote("dhl", "EXPRESS", "14.00", "EUR");
    private static final Quote UPS = quote("ups", "STANDARD", "10.90", "EUR");
    private static final Quote GLS = quote("gls", "BUSINESS", "13.00", "EUR");
    private static final Quote IN_DOLLARS = quote("fedex", "GROUND", "9.00", "USD");
    private static final List<Quote> RANKED = List.of(SAME_SERVICE, OTHER_DHL, UPS, GLS, IN_DOLLARS);

    @Test
    void everyOtherServiceIsAllowedWhenNoPriceLimitIsSet() {
        FallbackPolicy policy = new FallbackPolicy(config(true, null, Map.of()));

        assertThat(policy.allowed("acme", CHOSEN, RANKED)).containsExactly(OTHER_DHL, UPS, GLS, IN_DOLLARS);
    }

    @Test
    void aPriceLimitKeepsOnlyAlternativesWithinItInTheSameCurrency() {
        FallbackPolicy policy = new FallbackPolicy(config(true, "10", Map.of()));

        assertThat(policy.allowed("acme", CHOSEN, RANKED)).containsExactly(UPS);
        assertThat(FallbackPolicy.withinIncrease(Money.of("10.00", "EUR"), Money.of("11.00", "EUR"), BigDecimal.TEN))
                .as("exactly at the limit").isTrue();
        assertThat(FallbackPolicy.withinIncrease(Money.of("10.00", "EUR"), Money.of("11.01", "EUR"), BigDecimal.TEN))
                .isFalse();
    }

    @Test
    void aTenantOverridesTheDefaults() {
        FallbackPolicy policy = new FallbackPolicy(config(true, null, Map.of(
                "strict", tenant(Optional.of(false), Optional.empty()),
                "thrifty", tenant(Optional.empty(), Optional.of(new BigDecimal("35"))))));
        FallbackPolicy offByDefault = new FallbackPolicy(config(false, null, Map.of(
                "brave", tenant(Optional.of(true), Optional.empty()))));

        assertThat(policy.allowed("strict", CHOSEN, RANKED)).isEmpty();
        assertThat(policy.allowed("thrifty", CHOSEN, RANKED)).containsExactly(UPS, GLS);
        assertThat(offByDefault.allowed("acme", CHOSEN, RANKED)).isEmpty();
        assertThat(offByDefault.allowed("brave", CHOSEN, RANKED)).containsExactly(OTHER_DHL, UPS, GLS, IN_DOLLARS);
    }

    @Test
    void theNextAlternativeIsAnotherConfiguredCarrierAndTheRestComeAfterIt() {
        List<Quote> allowed = List.of(OTHER_DHL, UPS, GLS);

        assertThat(FallbackPolicy.next(allowed, "dhl", Set.of("dhl", "ups", "gls")::contains)).contains(UPS);
        assertThat(FallbackPolicy.next(allowed, "dhl", Set.of("dhl", "gls")::contains)).contains(GLS);
        assertThat(FallbackPolicy.next(allowed, "dhl", Set.of("dhl")::contains)).isEmpty();
        assertThat(FallbackPolicy.after(allowed, UPS)).containsExactly(GLS);
        assertThat(FallbackPolicy.after(allowed, GLS)).isEmpty();
    }

    private static Quote quote(String carrier, String service, String price, String currency) {
        return new Quote(null, carrier, service, ServiceLevel.STANDARD, Money.of(price, currency), null);
    }

    private static LabelConfig.Fallback config(boolean enabled, String maxIncrease, Map<String, LabelConfig.Fallback.Tenant> tenants) {
        return new LabelConfig.Fallback() {
            @Override
            public boolean enabled() {
                return enabled;
            }

            @Override
            public Optional<BigDecimal> maxPriceIncreasePercent() {
                return Optional.ofNullable(maxIncrease).map(BigDecimal::new);
            }

            @Override
            public Map<String, Tenant> tenants() {
                return tenants;
            }
        };
    }

    private static LabelConfig.Fallback.Tenant tenant(Optional<Boolean> enabled, Optional<BigDecimal> maxIncrease) {
        return new LabelConfig.Fallback.Tenant() {
            @Override
            public Optional<Boolean> enabled() {
                return enabled;
            }

            @Override
            public Optional<BigDecimal> maxPriceIncreasePercent() {
                return maxIncrease;
            }
        };
    }
}
