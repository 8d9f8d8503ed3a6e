package dev.carrierhub.billing.service;

import dev.carrierhub.billing.invoice.InvoiceCharge;
import dev.carrierhub.billing.invoice.InvoiceFormat;
import dev.carrierhub.billing.invoice.MalformedInvoiceException;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Stores the charges of one invoice file in one transaction: all of it, or nothing when a line is malformed.
 * Charges are written in JDBC batches as they are read, so a file of a million lines never sits in memory.
 * An invoice already imported (same carrier and invoice number) is skipped, so importing the same invoice
 * twice changes nothing.
 */
@ApplicationScoped
public class InvoiceImporter {
    static final int BATCH = 1_000;
    private static final int SKIPPED_LISTED = 100;
    private static final String NEW_INVOICE = """
            insert into invoice (id, import_id, carrier, invoice_number, invoice_date, source_format, source_name, imported_at)
            values (?, ?, ?, ?, ?, ?, ?, ?)
            on conflict (carrier, invoice_number) do nothing""";
    private static final String EXISTING_INVOICE = "select id, import_id from invoice where carrier = ? and invoice_number = ?";
    private static final String CHARGE = """
            insert into invoice_charge (invoice_id, source_line, line_key, tracking_number, reference, ship_date,
                service_code, billed_weight_kg, charge_type, charge_code, amount, currency)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";
    private static final String COUNT_CHARGES = """
            update invoice set charge_count = (select count(*) from invoice_charge c where c.invoice_id = invoice.id)
             where import_id = ?""";

    private final AgroalDataSource database;

    public InvoiceImporter(AgroalDataSource database) {
        this.database = database;
    }

    /**
     * Reads charges from {@code reader} (which calls the sink once per charge) and stores them.
     *
     * @throws MalformedInvoiceException when the file is malformed: nothing is stored
     */
    public ImportResult importCharges(String carrier, InvoiceFormat format, String sourceName,
            Consumer<Consumer<InvoiceCharge>> reader) {
        Objects.requireNonNull(carrier, "carrier");
        UUID importId = UUID.randomUUID();
        try (Connection connection = database.getConnection()) {
            connection.setAutoCommit(false);
            try (Writer writer = new Writer(connection, importId, carrier, format, sourceName)) {
                reader.accept(writer::write);
                writer.finish();
                connection.commit();
                return new ImportResult(importId, writer.imported, List.copyOf(writer.skipped), writer.skippedCount,
                        writer.charges);
            } catch (RuntimeException | SQLException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not store invoice charges: " + e.getMessage(), e);
        }
    }

    /** Writes the charges of one import, invoice by invoice as they come. */
    private static final class Writer implements AutoCloseable {
        private final Connection connection;
        private final UUID importId;
        private final String carrier;
        private final InvoiceFormat format;
        private final String sourceName;
        private final Instant importedAt = Instant.now();
        private final PreparedStatement newInvoice;
        private final PreparedStatement existingInvoice;
        private final PreparedStatement charge;
        private String currentNumber;
        /** The invoice the current charges go to; null while they belong to one imported before. */
        private UUID currentId;
        private int pending;
        long imported;
        long charges;
        long skippedCount;
        final List<String> skipped = new ArrayList<>();

        Writer(Connection connection, UUID importId, String carrier, InvoiceFormat format, String sourceName)
                throws SQLException {
            this.connection = connection;
            this.importId = importId;
            this.carrier = carrier;
            this.format = format;
            this.sourceName = sourceName;
            this.newInvoice = connection.prepareStatement(NEW_INVOICE);
            this.existingInvoice = connection.prepareStatement(EXISTING_INVOICE);
            this.charge = connection.prepareStatement(CHARGE);
        }

        void write(InvoiceCharge line) {
            try {
                if (!line.invoiceNumber().equals(currentNumber)) {
                    switchTo(line);
                }
                if (currentId == null) {
                    return;
                }
                charge.setObject(1, currentId);
                charge.setInt(2, line.sourceLine());
                charge.setString(3, line.lineKey());
                charge.setString(4, line.trackingNumber());
                charge.setString(5, line.reference());
                charge.setDate(6, line.shipDate() == null ? null : Date.valueOf(line.shipDate()));
                charge.setString(7, line.serviceCode());
                charge.setBigDecimal(8, line.billedWeightKg());
                charge.setString(9, line.chargeType().name());
                charge.setString(10, line.chargeCode());
                charge.setBigDecimal(11, Amounts.storable(line.amount()));
                charge.setString(12, line.currency());
                charge.addBatch();
                charges++;
                if (++pending >= BATCH) {
                    flush();
                }
            } catch (SQLException e) {
                throw new IllegalStateException("could not store line " + line.sourceLine() + ": " + e.getMessage(), e);
            } catch (IllegalArgumentException tooPrecise) {
                throw new MalformedInvoiceException(line.sourceLine(),
                        tooPrecise.getMessage(), tooPrecise);
            }
        }

        /** The next charges belong to another invoice: new, part of this import already, or imported before. */
        private void switchTo(InvoiceCharge line) throws SQLException {
            currentNumber = line.invoiceNumber();
            UUID id = UUID.randomUUID();
            newInvoice.setObject(1, id);
            newInvoice.setObject(2, importId);
            newInvoice.setString(3, carrier);
            newInvoice.setString(4, line.invoiceNumber());
            newInvoice.setDate(5, line.invoiceDate() == null ? null : Date.valueOf(line.invoiceDate()));
            newInvoice.setString(6, format.name());
            newInvoice.setString(7, sourceName);
            newInvoice.setTimestamp(8, Timestamp.from(importedAt));
            if (newInvoice.executeUpdate() == 1) {
                currentId = id;
                imported++;
                return;
            }
            existingInvoice.setString(1, carrier);
            existingInvoice.setString(2, line.invoiceNumber());
            try (ResultSet found = existingInvoice.executeQuery()) {
                found.next();
                boolean ours = importId.equals(found.getObject(2, UUID.class));
                currentId = ours ? found.getObject(1, UUID.class) : null;
            }
            if (currentId == null) {
                skippedCount++;
                if (skipped.size() < SKIPPED_LISTED) {
                    skipped.add(line.invoiceNumber());
                }
            }
        }

        private void flush() throws SQLException {
            if (pending > 0) {
                charge.executeBatch();
                pending = 0;
            }
        }

        void finish() throws SQLException {
            flush();
            try (PreparedStatement count = connection.prepareStatement(COUNT_CHARGES)) {
                count.setObject(1, importId);
                count.executeUpdate();
            }
        }

        @Override
        public void close() throws SQLException {
            newInvoice.close();
            existingInvoice.close();
            charge.close();
        }
    }
}
