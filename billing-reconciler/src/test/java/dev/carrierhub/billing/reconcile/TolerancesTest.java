package dev.carrierhub.billing.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.carrierhub.billing.config.TestConfig;
import java.math.BigDecimal;
import java.util.Map;
import org.javamoney.moneta.Money;
import org.junit.jupiter.api.Test;

class TolerancesTest {
    private final Tolerances tolerances = new Tolerances(TestConfig.billing(Map.of(
                    "carrierhub.billing.tolerance.absolute", "0.50",
                    "carrierhub.billing.tolerance.percent", "2",
                    "carrierhub.billing.carriers.ups.tolerance.percent", "5",
                    "carrierhub.billing.tenants.acme.tolerance.absolute", "1.00",
                    "carrierhub.billing.tenants.acme.carriers.ups.absolute", "3.00")));

    @Test
    void theMostSpecificRuleWinsFieldByField() {
        assertThat(tolerances.of("other", "sandbox")).isEqualTo(tolerance("0.50", "2"));
        assertThat(tolerances.of("other", "ups")).as("the carrier's percent").isEqualTo(tolerance("0.50", "5"));
        assertThat(tolerances.of("acme", "sandbox")).as("the tenant's absolute").isEqualTo(tolerance("1.00", "2"));
        assertThat(tolerances.of("acme", "ups")).as("tenant and carrier, then the carrier's percent")
                .isEqualTo(tolerance("3.00", "5"));
        assertThat(tolerances.of(null, "sandbox")).isEqualTo(tolerance("0.50", "2"));
    }

    @Test
    void theAllowanceIsTheLargerOfTheAbsoluteAndThePercentOfTheBookedAmount() {
        Tolerance tolerance = tolerance("0.50", "2");

        assertThat(tolerance.allowance(Money.of(new BigDecimal("10.00"), "EUR"))).isEqualTo(Money.of(new BigDecimal("0.50"), "EUR"));
        assertThat(tolerance.allowance(Money.of(new BigDecimal("100.00"), "EUR"))).isEqualTo(Money.of(new BigDecimal("2.00"), "EUR"));
        assertThat(tolerance.allows(Money.of(new BigDecimal("102.00"), "EUR"), Money.of(new BigDecimal("100.00"), "EUR"))).isTrue();
        assertThat(tolerance.allows(Money.of(new BigDecimal("97.99"), "EUR"), Money.of(new BigDecimal("100.00"), "EUR"))).isFalse();
    }

    private static Tolerance tolerance(String absolute, String percent) {
        return new Tolerance(new BigDecimal(absolute), new BigDecimal(percent));
    }
}
