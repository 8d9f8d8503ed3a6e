package dev.carrierhub.billing.service;

import java.util.List;
import java.util.UUID;

/**
 * What one import did.
 *
 * @param importId             names the run; its invoices are reconciled together
 * @param invoicesImported     invoices new to billing-reconciler
 * @param invoicesSkipped      invoice numbers that were imported before (an import changes nothing for them),
 *                             the first 100
 * @param skippedCount         how many were skipped in all
 * @param charges              charges stored
 */
public record ImportResult(UUID importId, long invoicesImported, List<String> invoicesSkipped, long skippedCount,
        long charges) {
}
