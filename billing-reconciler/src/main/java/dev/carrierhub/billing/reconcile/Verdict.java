package dev.carrierhub.billing.reconcile;

import dev.carrierhub.contracts.events.DiscrepancyKind;
import java.math.BigDecimal;

/**
 * The outcome of reconciling one invoice line.
 *
 * @param variance   billed less booked, when both are in one currency
 * @param surcharges the surcharges billed, as {@code TYPE=amount} in file order, empty when none
 * @param detail     one sentence for a person: what was billed, what was expected and why it differs
 */
public record Verdict(DiscrepancyKind kind, BigDecimal variance, String surcharges, String detail) {

    /** A verdict someone has to look at: not within tolerance. */
    public boolean discrepancy() {
        return kind != DiscrepancyKind.WITHIN_TOLERANCE;
    }
}
