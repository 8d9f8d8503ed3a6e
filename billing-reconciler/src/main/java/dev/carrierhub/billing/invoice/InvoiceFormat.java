package dev.carrierhub.billing.invoice;

import java.util.Locale;
import java.util.Optional;

/** The invoice formats billing-reconciler reads. */
public enum InvoiceFormat {
    CSV,
    X12_210,
    JSON;

    /** The format of a dropped file by its extension: {@code .csv}, or {@code .x12}, {@code .edi}, {@code .210}. */
    public static Optional<InvoiceFormat> ofFileName(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".csv")) {
            return Optional.of(CSV);
        }
        if (lower.endsWith(".x12") || lower.endsWith(".edi") || lower.endsWith(".210")) {
            return Optional.of(X12_210);
        }
        return Optional.empty();
    }
}
