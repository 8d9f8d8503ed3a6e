package dev.carrierhub.intake.validation;

import static dev.carrierhub.intake.validation.Fixtures.codes;
import static org.assertj.core.api.Assertions.assertThat;

import dev.carrierhub.contracts.shipment.Money;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MoneyRuleTest {
    private final MoneyRule rule = new MoneyRule();

    @ParameterizedTest
    @ValueSource(strings = {"USD", "EUR", "PLN", "GBP", "JPY", "XOF", "CHF"})
    void acceptsRealCurrencies(String currency) {
        assertThat(check(Money.of("602.70", currency))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"ABC", "XXX", "XTS", "XAU", "QQQ"})
    void refusesCodesThatAreNotMoney(String currency) {
        List<Violation> violations = check(Money.of("10.00", currency));

        assertThat(codes(violations)).containsExactly("declared-value.currency.invalid");
        assertThat(violations.get(0).field()).isEqualTo("declaredValue");
        assertThat(violations.get(0).message()).contains("'" + currency + "'");
    }

    @Test
    void refusesANegativeValueAndAcceptsZero() {
        assertThat(codes(check(Money.of("-0.01", "EUR")))).containsExactly("declared-value.negative");
        assertThat(check(Money.of("0", "EUR"))).isEmpty();
    }

    @Test
    void noDeclaredValueIsNotAnError() {
        assertThat(check(null)).isEmpty();
    }

    private List<Violation> check(Money money) {
        List<Violation> violations = new ArrayList<>();
        rule.check(money, violations);
        return violations;
    }
}
