package dev.carrierhub.billing.drop;

import dev.carrierhub.billing.config.BillingConfig;
import dev.carrierhub.billing.invoice.InvoiceFormat;
import dev.carrierhub.billing.invoice.MalformedInvoiceException;
import dev.carrierhub.billing.service.InvoiceIntake;
import dev.carrierhub.billing.service.InvoiceIntake.IntakeOutcome;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.jboss.logging.Logger;

/**
 * Imports invoice files dropped into {@code <folder>/<carrier>/}: {@code .csv} as CSV, {@code .x12},
 * {@code .edi} or {@code .210} as X12 210. A file imported (or already imported before) moves to
 * {@code <folder>/processed/<carrier>/}; a malformed one to {@code <folder>/failed/<carrier>/} with a
 * {@code .error.txt} next to it naming the line. A file that could not be imported for another reason (the
 * database is down) stays where it is for the next round. Names starting with a dot or ending in
 * {@code .part} are files still being written: write, then rename.
 */
@ApplicationScoped
public class DropFolderImport {
    static final String PROCESSED = "processed";
    static final String FAILED = "failed";
    private static final Logger LOG = Logger.getLogger(DropFolderImport.class);

    private final Optional<Path> folder;
    private final InvoiceIntake intake;
    private final MeterRegistry meters;

    public DropFolderImport(BillingConfig config, InvoiceIntake intake, MeterRegistry meters) {
        this.folder = config.drop().folder();
        this.intake = intake;
        this.meters = meters;
    }

    @Scheduled(every = "${carrierhub.billing.drop.poll-interval:30s}", delayed = "1s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void poll() {
        folder.ifPresent(this::scan);
    }

    /** Imports every complete file waiting in {@code root}; returns how many were taken out of the folder. */
    public synchronized int scan(Path root) {
        int taken = 0;
        for (Path carrierFolder : list(root)) {
            String carrier = carrierFolder.getFileName().toString();
            if (!Files.isDirectory(carrierFolder) || carrier.equals(PROCESSED) || carrier.equals(FAILED)
                    || carrier.startsWith(".")) {
                continue;
            }
            for (Path file : list(carrierFolder)) {
                if (take(root, carrier, file)) {
                    taken++;
                }
            }
        }
        return taken;
    }

    private boolean take(Path root, String carrier, Path file) {
        String name = file.getFileName().toString();
        Optional<InvoiceFormat> format = InvoiceFormat.ofFileName(name);
        if (!Files.isRegularFile(file) || name.startsWith(".") || name.endsWith(".part") || format.isEmpty()) {
            return false;
        }
        try (Reader content = Files.newBufferedReader(file, format.get() == InvoiceFormat.CSV
                ? StandardCharsets.UTF_8 : StandardCharsets.US_ASCII)) {
            IntakeOutcome outcome = intake.file(carrier, format.get(), name, content);
            LOG.infof("imported %s/%s: %d invoices new, %d imported before, %d charges; %d lines reconciled, %d discrepancies",
                    carrier, name, outcome.imported().invoicesImported(), outcome.imported().skippedCount(),
                    outcome.imported().charges(), outcome.reconciliation().lines(),
                    outcome.reconciliation().discrepancies());
            move(file, root.resolve(PROCESSED).resolve(carrier));
            count(carrier, "imported");
            return true;
        } catch (MalformedInvoiceException e) {
            LOG.warnf("rejected %s/%s: %s", carrier, name, e.getMessage());
            Path failed = root.resolve(FAILED).resolve(carrier);
            move(file, failed);
            write(failed.resolve(name + ".error.txt"), "Nothing was imported from " + name + ": " + e.getMessage() + "\n");
            count(carrier, "rejected");
            return true;
        } catch (IOException | RuntimeException e) {
            LOG.errorf(e, "could not import %s/%s, will try again", carrier, name);
            count(carrier, "retry");
            return false;
        }
    }

    private void count(String carrier, String outcome) {
        meters.counter("carrierhub.billing.dropped-files", "carrier", carrier, "outcome", outcome).increment();
    }

    private static List<Path> list(Path folder) {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void move(Path file, Path folder) {
        try {
            Files.createDirectories(folder);
            Files.move(file, folder.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(Path file, String text) {
        try {
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
