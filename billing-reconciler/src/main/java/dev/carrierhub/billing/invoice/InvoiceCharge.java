package dev.carrierhub.billing.invoice;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

/**
 * One charge of a carrier invoice, in the one shape every format is read into.
 *
 * @param invoiceNumber   the carrier's invoice number
 * @param invoiceDate     when the carrier issued it, if the file says
 * @param trackingNumber  the shipment the charge is for, as the carrier knows it; null when only a reference is given
 * @param reference       our reference as the carrier recorded it (picking name, shipment id, order number)
 * @param shipDate        when the shipment was picked up, if the file says: matching looks near it
 * @param serviceCode     the service the carrier billed, if the file says
 * @param billedWeightKg  the weight the carrier billed, in kilograms, if the file says
 * @param chargeCode      the carrier's own code or name of the charge, kept for the report
 * @param amount          exact, in {@code currency}
 * @param sourceLine      where the charge starts in the file (1-based): errors and reports name it
 */
public record InvoiceCharge(
        String invoiceNumber,
        LocalDate invoiceDate,
        String trackingNumber,
        String reference,
        LocalDate shipDate,
        String serviceCode,
        BigDecimal billedWeightKg,
        ChargeType chargeType,
        String chargeCode,
        BigDecimal amount,
        String currency,
        int sourceLine) {

    public InvoiceCharge {
        Objects.requireNonNull(invoiceNumber, "invoiceNumber");
        Objects.requireNonNull(chargeType, "chargeType");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(currency, "currency");
        if (blank(trackingNumber) && blank(reference)) {
            throw new IllegalArgumentException("a charge needs a tracking number or a reference");
        }
    }

    /** The charges of one invoice line share this key: the tracking number, else the reference. */
    public String lineKey() {
        return blank(trackingNumber) ? "ref:" + reference.trim() : trackingNumber.trim();
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
