package dev.carrierhub.billing.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.carrierhub.contracts.shipment.Money;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class AmountsTest {

    @Test
    void storedPaddingIsTakenOffDownToTheCurrencysMinorUnits() {
        assertThat(Amounts.money(new BigDecimal("12.4000"), "USD")).isEqualTo(Money.of("12.40", "USD"));
        assertThat(Amounts.money(new BigDecimal("1200.0000"), "JPY")).isEqualTo(Money.of("1200", "JPY"));
        assertThat(Amounts.money(new BigDecimal("1.5000"), "BHD")).isEqualTo(Money.of("1.500", "BHD"));
    }

    @Test
    void digitsThatCarryValueAreNeverDropped() {
        assertThat(Amounts.money(new BigDecimal("0.1234"), "USD")).isEqualTo(Money.of("0.1234", "USD"));
        assertThat(Amounts.money(new BigDecimal("5.0500"), "EUR").amount()).isEqualByComparingTo("5.05")
                .hasToString("5.05");
    }

    @Test
    void noAmountIsNoMoney() {
        assertThat(Amounts.money(null, "USD")).isNull();
        assertThat(Amounts.money(BigDecimal.ONE, null)).isNull();
    }

    @Test
    void amountsAreStoredWithFourDecimalsAndNeverRounded() {
        assertThat(Amounts.storable(new BigDecimal("12.4"))).hasToString("12.4000");
        assertThat(Amounts.storable(new BigDecimal("1E+3"))).hasToString("1000.0000");
        assertThatThrownBy(() -> Amounts.storable(new BigDecimal("0.12345")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
