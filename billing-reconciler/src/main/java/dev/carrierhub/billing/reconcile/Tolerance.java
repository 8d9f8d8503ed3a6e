package dev.carrierhub.billing.reconcile;

import java.math.BigDecimal;
import java.math.RoundingMode;
import javax.money.MonetaryAmount;
import org.javamoney.moneta.Money;

/**
 * How far a billed amount may be from the booked one and still be right: the larger of an absolute amount
 * (in the invoice's currency) and a percentage of the booked amount.
 */
public record Tolerance(BigDecimal absolute, BigDecimal percent) {
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    public Tolerance {
        if (absolute.signum() < 0 || percent.signum() < 0) {
            throw new IllegalArgumentException("a tolerance is not negative: " + absolute + " / " + percent + " %");
        }
    }

    /** The allowed difference for {@code booked}, in its currency. */
    public MonetaryAmount allowance(MonetaryAmount booked) {
        BigDecimal share = booked.getNumber().numberValue(BigDecimal.class).abs().multiply(percent)
                .divide(HUNDRED, 4, RoundingMode.HALF_UP);
        return Money.of(share.max(absolute), booked.getCurrency());
    }

    public boolean allows(MonetaryAmount billed, MonetaryAmount booked) {
        return billed.subtract(booked).abs().isLessThanOrEqualTo(allowance(booked));
    }
}
