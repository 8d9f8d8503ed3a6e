package dev.carrierhub.label.service;

import dev.carrierhub.contracts.events.Quote;
import dev.carrierhub.contracts.shipment.Money;
import dev.carrierhub.label.config.LabelConfig;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Which of rate-shopping's alternatives a booking may fall back to when its carrier is down. The tenant's
 * policy is applied once, when the booking is requested, so a booking keeps the rules it started with.
 */
public final class FallbackPolicy {
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final LabelConfig.Fallback config;

    public FallbackPolicy(LabelConfig.Fallback config) {
        this.config = config;
    }

    /** The alternatives, in rate-shopping's order, that the tenant allows instead of {@code chosen}. */
    public List<Quote> allowed(String tenant, Quote chosen, List<Quote> alternatives) {
        Optional<LabelConfig.Fallback.Tenant> own = Optional.ofNullable(config.tenants().get(tenant));
        boolean enabled = own.flatMap(LabelConfig.Fallback.Tenant::enabled).orElse(config.enabled());
        if (!enabled) {
            return List.of();
        }
        Optional<BigDecimal> maxIncrease = own.flatMap(LabelConfig.Fallback.Tenant::maxPriceIncreasePercent)
                .or(config::maxPriceIncreasePercent);
        return alternatives.stream()
                .filter(q -> !(q.carrier().equals(chosen.carrier()) && q.serviceCode().equals(chosen.serviceCode())))
                .filter(q -> maxIncrease.isEmpty() || withinIncrease(chosen.price(), q.price(), maxIncrease.get()))
                .toList();
    }

    /**
     * The first alternative that can take a booking off {@code downCarrier}: another carrier (a carrier that
     * is down is down for all its services) that label-service has an account for.
     */
    public static Optional<Quote> next(List<Quote> alternatives, String downCarrier, Predicate<String> configured) {
        return alternatives.stream()
                .filter(q -> !q.carrier().equals(downCarrier))
                .filter(q -> configured.test(q.carrier()))
                .findFirst();
    }

    /** The alternatives left once {@code taken} is booked instead: those ranked after it. */
    public static List<Quote> after(List<Quote> alternatives, Quote taken) {
        int at = alternatives.indexOf(taken);
        return at < 0 ? alternatives : List.copyOf(alternatives.subList(at + 1, alternatives.size()));
    }

    static boolean withinIncrease(Money chosen, Money alternative, BigDecimal percent) {
        if (!chosen.currency().equals(alternative.currency())) {
            // Prices in two currencies cannot be compared without a rate: such an alternative is not allowed.
            return false;
        }
        BigDecimal limit = chosen.amount().multiply(BigDecimal.ONE.add(percent.divide(HUNDRED, 6, RoundingMode.HALF_UP)));
        return alternative.amount().compareTo(limit) <= 0;
    }
}
