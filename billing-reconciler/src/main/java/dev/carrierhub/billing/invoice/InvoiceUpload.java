package dev.carrierhub.billing.invoice;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Consumer;

/**
 * An invoice sent as JSON to {@code POST /invoices}: one invoice, its charges in order.
 *
 * @param charges one entry per charge; the charges of one shipment share its tracking number (or reference)
 */
public record InvoiceUpload(String carrier, String invoiceNumber, LocalDate invoiceDate, String currency,
        List<UploadedCharge> charges) {

    /** One charge; {@code billedWeightKg} and {@code service} only when the carrier gives them. */
    public record UploadedCharge(String trackingNumber, String reference, LocalDate shipDate, String service,
            BigDecimal billedWeightKg, String charge, BigDecimal amount, String currency) {
    }

    /** Hands the charges on as {@link InvoiceCharge}s, numbered from 1 in the order given. */
    public void read(Consumer<InvoiceCharge> sink) {
        if (blank(carrier) || blank(invoiceNumber)) {
            throw new MalformedInvoiceException(0, "an invoice needs a carrier and an invoice number");
        }
        if (charges == null || charges.isEmpty()) {
            throw new MalformedInvoiceException(0, "invoice " + invoiceNumber + " has no charges");
        }
        for (int i = 0; i < charges.size(); i++) {
            UploadedCharge charge = charges.get(i);
            int number = i + 1;
            if (charge == null || charge.amount() == null) {
                throw new MalformedInvoiceException(number, "charge " + number + " has no amount");
            }
            String chargeCurrency = charge.currency() != null ? charge.currency() : currency;
            if (blank(chargeCurrency) || !javax.money.Monetary.isCurrencyAvailable(chargeCurrency)) {
                throw new MalformedInvoiceException(number, "charge " + number + " has no known currency");
            }
            try {
                sink.accept(new InvoiceCharge(invoiceNumber, invoiceDate, charge.trackingNumber(), charge.reference(),
                        charge.shipDate(), charge.service(), charge.billedWeightKg(), ChargeType.ofCode(charge.charge()),
                        charge.charge(), charge.amount(), chargeCurrency, number));
            } catch (IllegalArgumentException e) {
                throw new MalformedInvoiceException(number, "charge " + number + ": " + e.getMessage(), e);
            }
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
