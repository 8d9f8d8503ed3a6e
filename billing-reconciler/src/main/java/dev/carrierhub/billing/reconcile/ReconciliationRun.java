package dev.carrierhub.billing.reconcile;

/**
 * What one reconciliation did.
 *
 * @param lines          invoice lines reconciled
 * @param discrepancies  lines not within tolerance
 * @param published      billing.discrepancy events written (new or changed verdicts on lines with a shipment)
 */
public record ReconciliationRun(long lines, long discrepancies, long published) {
}
