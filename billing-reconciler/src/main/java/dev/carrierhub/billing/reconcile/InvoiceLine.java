package dev.carrierhub.billing.reconcile;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * One invoice line as reconciliation sees it: the charges billed for one shipment on one invoice, added up.
 *
 * @param lineKey        the tracking number, else {@code ref:<reference>}
 * @param firstLine      where its first charge is in the file
 * @param billed         the sum of its charges, in {@code currency}
 * @param currencies     how many currencies its charges are in (more than one cannot be added up)
 * @param charges        each charge in file order
 * @param baseCharges    how many of them are the freight itself: two means it was billed twice
 * @param billedBefore   an earlier invoice of the same carrier that billed the same line, if any
 */
public record InvoiceLine(
        String carrier,
        String invoiceNumber,
        LocalDate invoiceDate,
        String lineKey,
        int firstLine,
        String trackingNumber,
        String reference,
        String serviceCode,
        BigDecimal billedWeightKg,
        BigDecimal billed,
        String currency,
        int currencies,
        List<Charge> charges,
        int baseCharges,
        String billedBefore) {

    /** One charge: its type and amount. */
    public record Charge(String type, BigDecimal amount) {
    }
}
