package dev.carrierhub.billing.reconcile;

import dev.carrierhub.billing.invoice.ChargeType;
import dev.carrierhub.billing.service.Amounts;
import dev.carrierhub.contracts.events.DiscrepancyKind;
import java.math.BigDecimal;
import java.util.function.BiFunction;
import java.util.stream.Collectors;
import javax.money.MonetaryAmount;
import org.javamoney.moneta.Money;

/**
 * Decides what an invoice line is. The checks run in this order, and the first that holds is the verdict:
 * <ol>
 *   <li>{@code UNKNOWN_SHIPMENT}: no labeled shipment matches it;</li>
 *   <li>{@code BILLED_AFTER_VOID}: its label was voided;</li>
 *   <li>{@code DUPLICATE_BILLING}: an earlier invoice billed it, or this one bills its freight twice;</li>
 *   <li>{@code PRICE_VARIANCE} without a variance: billed in another currency than booked (not comparable);</li>
 *   <li>{@code SERVICE_MISMATCH}: billed for another service than the one booked;</li>
 *   <li>{@code WITHIN_TOLERANCE}: billed within the tolerance of the booked price, whatever its charges;</li>
 *   <li>{@code WEIGHT_ADJUSTMENT}: a weight correction charge, or a billed weight above the declared one;</li>
 *   <li>{@code DIMENSION_ADJUSTMENT}: a dimensional weight charge;</li>
 *   <li>{@code SURCHARGE}: surcharges beyond the freight explain the difference;</li>
 *   <li>{@code PRICE_VARIANCE}: nothing on the invoice explains it.</li>
 * </ol>
 * The first four are wrong whatever the amount, so they come before the tolerance. Pure: the same line and
 * facts always give the same verdict, word for word, which keeps re-runs byte-identical.
 */
public final class LineClassifier {
    /** A billed weight this far above the declared one is a re-weigh, not rounding (half a percent). */
    private static final BigDecimal WEIGHT_SLACK = new BigDecimal("1.005");

    private final BiFunction<String, String, Tolerance> tolerances;

    /** @param tolerances the tolerance for a tenant and carrier */
    public LineClassifier(BiFunction<String, String, Tolerance> tolerances) {
        this.tolerances = tolerances;
    }

    public Verdict classify(InvoiceLine line, ShipmentFacts shipment) {
        String surcharges = surcharges(line);
        if (shipment == null) {
            return new Verdict(DiscrepancyKind.UNKNOWN_SHIPMENT, null, surcharges, "No shipment of "
                    + line.carrier() + " matches " + names(line) + ". Billed " + money(line.billed(), line.currency())
                    + ".");
        }
        String billed = "Billed " + money(line.billed(), line.currency()) + ", booked "
                + money(shipment.bookedAmount(), shipment.bookedCurrency())
                + (shipment.quotedAmount() == null ? "" : " (quoted " + money(shipment.quotedAmount(),
                        shipment.quotedCurrency()) + ")");
        boolean comparable = line.currencies() == 1 && line.currency().equals(shipment.bookedCurrency());
        BigDecimal variance = comparable ? line.billed().subtract(shipment.bookedAmount()) : null;
        if (shipment.voidedAt() != null) {
            return new Verdict(DiscrepancyKind.BILLED_AFTER_VOID, variance, surcharges, billed
                    + ". The label was voided at " + shipment.voidedAt() + ".");
        }
        if (line.billedBefore() != null) {
            return new Verdict(DiscrepancyKind.DUPLICATE_BILLING, variance, surcharges, billed
                    + ". Already billed on invoice " + line.billedBefore() + ".");
        }
        if (line.baseCharges() > 1) {
            return new Verdict(DiscrepancyKind.DUPLICATE_BILLING, variance, surcharges, billed
                    + ". The freight is billed " + line.baseCharges() + " times on this invoice.");
        }
        if (!comparable) {
            return new Verdict(DiscrepancyKind.PRICE_VARIANCE, null, surcharges, billed
                    + ". Not comparable: billed and booked in different currencies.");
        }
        if (line.serviceCode() != null && shipment.serviceCode() != null
                && !line.serviceCode().equalsIgnoreCase(shipment.serviceCode())) {
            return new Verdict(DiscrepancyKind.SERVICE_MISMATCH, variance, surcharges, billed + ". Billed as service "
                    + line.serviceCode() + ", booked as " + shipment.serviceCode() + ".");
        }
        MonetaryAmount billedAmount = Money.of(line.billed(), line.currency());
        MonetaryAmount booked = Money.of(shipment.bookedAmount(), shipment.bookedCurrency());
        Tolerance tolerance = tolerances.apply(shipment.tenant(), line.carrier());
        MonetaryAmount allowance = tolerance.allowance(booked);
        String difference = billed + ": " + money(variance.abs(), line.currency())
                + (variance.signum() >= 0 ? " over" : " under") + ", tolerance "
                + money(allowance.getNumber().numberValue(BigDecimal.class), line.currency());
        if (tolerance.allows(billedAmount, booked)) {
            return new Verdict(DiscrepancyKind.WITHIN_TOLERANCE, variance, surcharges, difference + ".");
        }
        if (has(line, ChargeType.WEIGHT_CORRECTION) || heavierThanDeclared(line, shipment)) {
            return new Verdict(DiscrepancyKind.WEIGHT_ADJUSTMENT, variance, surcharges, difference + ". "
                    + weights(line, shipment) + surchargeSentence(surcharges));
        }
        if (has(line, ChargeType.DIMENSIONAL_WEIGHT)) {
            return new Verdict(DiscrepancyKind.DIMENSION_ADJUSTMENT, variance, surcharges, difference
                    + ". Billed by dimensional weight." + surchargeSentence(surcharges));
        }
        if (!surcharges.isEmpty()) {
            return new Verdict(DiscrepancyKind.SURCHARGE, variance, surcharges, difference + "."
                    + surchargeSentence(surcharges));
        }
        return new Verdict(DiscrepancyKind.PRICE_VARIANCE, variance, surcharges, difference
                + ". No surcharge, weight or service change on the invoice explains it.");
    }

    private static boolean has(InvoiceLine line, ChargeType type) {
        return line.charges().stream().anyMatch(charge -> charge.type().equals(type.name()));
    }

    private static boolean heavierThanDeclared(InvoiceLine line, ShipmentFacts shipment) {
        return line.billedWeightKg() != null && shipment.declaredWeightKg() != null
                && line.billedWeightKg().compareTo(shipment.declaredWeightKg().multiply(WEIGHT_SLACK)) > 0;
    }

    private static String weights(InvoiceLine line, ShipmentFacts shipment) {
        if (line.billedWeightKg() == null || shipment.declaredWeightKg() == null) {
            return "Weight corrected by the carrier.";
        }
        return "Billed weight " + kilograms(line.billedWeightKg()) + " kg, declared " + kilograms(shipment.declaredWeightKg())
                + " kg.";
    }

    /** The surcharges billed, {@code TYPE=amount} in file order. */
    private static String surcharges(InvoiceLine line) {
        return line.charges().stream().filter(charge -> !charge.type().equals(ChargeType.BASE.name()))
                .map(charge -> charge.type() + "=" + Amounts.money(charge.amount(), line.currency()).amount().toPlainString())
                .collect(Collectors.joining(","));
    }

    private static String surchargeSentence(String surcharges) {
        return surcharges.isEmpty() ? "" : " Surcharges: " + surcharges.replace(",", ", ").replace("=", " ") + ".";
    }

    private static String names(InvoiceLine line) {
        if (line.trackingNumber() != null && line.reference() != null) {
            return "tracking number " + line.trackingNumber() + " or reference " + line.reference();
        }
        return line.trackingNumber() != null ? "tracking number " + line.trackingNumber()
                : "reference " + line.reference();
    }

    private static String money(BigDecimal amount, String currency) {
        var money = Amounts.money(amount, currency);
        return money.amount().toPlainString() + " " + money.currency();
    }

    private static String kilograms(BigDecimal kg) {
        return kg.stripTrailingZeros().toPlainString();
    }
}
