package dev.carrierhub.billing.service;

import dev.carrierhub.billing.config.BillingConfig;
import dev.carrierhub.billing.invoice.CsvInvoiceReader;
import dev.carrierhub.billing.invoice.InvoiceFormat;
import dev.carrierhub.billing.invoice.InvoiceUpload;
import dev.carrierhub.billing.invoice.X12InvoiceReader;
import dev.carrierhub.billing.reconcile.InvoiceReconciler;
import dev.carrierhub.billing.reconcile.ReconciliationRun;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.Reader;

/**
 * Every way an invoice comes in (CSV, X12 210, JSON; uploaded or dropped) ends here: imported in one
 * transaction, then reconciled. Blocking: call it from a worker thread.
 */
@ApplicationScoped
public class InvoiceIntake {
    private final BillingConfig config;
    private final InvoiceImporter importer;
    private final InvoiceReconciler reconciler;
    private final MeterRegistry meters;

    public InvoiceIntake(BillingConfig config, InvoiceImporter importer, InvoiceReconciler reconciler,
            MeterRegistry meters) {
        this.config = config;
        this.importer = importer;
        this.reconciler = reconciler;
        this.meters = meters;
    }

    /** A CSV or X12 210 file of {@code carrier}'s. */
    public IntakeOutcome file(String carrier, InvoiceFormat format, String sourceName, Reader content) {
        ImportResult imported = switch (format) {
            case CSV -> importer.importCharges(carrier, format, sourceName,
                    sink -> new CsvInvoiceReader(config.csvLayout(carrier)).read(content, sink));
            case X12_210 -> importer.importCharges(carrier, format, sourceName,
                    sink -> new X12InvoiceReader().read(content, sink));
            case JSON -> throw new IllegalArgumentException("a JSON invoice is an InvoiceUpload");
        };
        return reconciled(carrier, format, imported);
    }

    public IntakeOutcome upload(InvoiceUpload upload) {
        ImportResult imported = importer.importCharges(upload.carrier(), InvoiceFormat.JSON, "upload", upload::read);
        return reconciled(upload.carrier(), InvoiceFormat.JSON, imported);
    }

    private IntakeOutcome reconciled(String carrier, InvoiceFormat format, ImportResult imported) {
        meters.counter("carrierhub.billing.invoice.charges", "carrier", carrier, "format", format.name().toLowerCase())
                .increment(imported.charges());
        ReconciliationRun run = imported.invoicesImported() == 0 ? new ReconciliationRun(0, 0, 0)
                : reconciler.reconcileImport(imported.importId());
        return new IntakeOutcome(imported, run);
    }

    /** What an intake did: the import and the reconciliation of what it brought. */
    public record IntakeOutcome(ImportResult imported, ReconciliationRun reconciliation) {
    }
}
