package dev.carrierhub.intake.validation;

import static dev.carrierhub.intake.validation.ReasonCodes.DECLARED_VALUE_CURRENCY_INVALID;
import static dev.carrierhub.intake.validation.ReasonCodes.DECLARED_VALUE_NEGATIVE;

import dev.carrierhub.contracts.shipment.Money;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.money.CurrencyUnit;
import javax.money.Monetary;

/**
 * The declared value, when there is one, is in a real ISO 4217 currency and not negative. Checked with
 * JSR 354 (moneta): the contract's {@link Money} only guarantees three capital letters.
 */
public final class MoneyRule {
    // ISO 4217 codes for things that are not money a parcel can be worth: precious metals, bond-market
    // units, SDRs, "testing" and "no currency".
    private static final Set<String> NOT_MONEY = Set.of("XAG", "XAU", "XBA", "XBB", "XBC", "XBD", "XDR", "XPD",
            "XPT", "XSU", "XTS", "XUA", "XXX");

    public void check(Money declaredValue, List<Violation> violations) {
        if (declaredValue == null) {
            return;
        }
        Optional<String> problem = problem(declaredValue);
        if (problem.isEmpty()) {
            return;
        }
        String code = isCurrency(declaredValue.currency()) ? DECLARED_VALUE_NEGATIVE : DECLARED_VALUE_CURRENCY_INVALID;
        violations.add(Violation.error(code, "declaredValue", "The declared value " + problem.get() + "."));
    }

    /** What is wrong with an amount, as the end of a sentence ("is negative ..."), or empty if nothing is. */
    public static Optional<String> problem(Money money) {
        if (!isCurrency(money.currency())) {
            return Optional.of("is in '" + money.currency() + "', which is not an ISO 4217 currency");
        }
        org.javamoney.moneta.Money amount = org.javamoney.moneta.Money.of(money.amount(), currency(money.currency()));
        if (amount.isNegative()) {
            return Optional.of("is negative (" + amount + ")");
        }
        return Optional.empty();
    }

    public static boolean isCurrency(String code) {
        return code != null && !NOT_MONEY.contains(code) && Monetary.isCurrencyAvailable(code);
    }

    private static CurrencyUnit currency(String code) {
        return Monetary.getCurrency(code);
    }
}
