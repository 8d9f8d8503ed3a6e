package dev.carrierhub.billing.reconcile;

import dev.carrierhub.billing.service.Amounts;
import dev.carrierhub.contracts.shipment.Money;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The reconciliation report of one invoice, read from the last run's stored verdicts. It holds no clock
 * reading and lists lines in file order, so reconciling the same data twice gives byte-identical reports.
 */
@ApplicationScoped
public class ReconciliationReport {
    static final List<String> CSV_COLUMNS = List.of("line", "line_key", "tracking_number", "reference", "shipment_id",
            "kind", "surcharges", "currency", "billed", "booked", "booked_currency", "quoted", "quoted_currency",
            "variance", "detail");
    private static final String INVOICE = """
            select id, carrier, invoice_number, invoice_date, source_format, charge_count, reconciled_at is not null
              from invoice where %s""";
    private static final String LINES = """
            select first_line, line_key, tracking_number, reference, shipment_id, kind, surcharges, currency,
                   billed_amount, booked_amount, booked_currency, quoted_amount, quoted_currency, variance, detail
              from reconciliation_line where invoice_id = ? order by first_line, line_key offset ? limit ?""";
    private static final String BY_KIND = """
            select kind, count(*), currency, sum(billed_amount), sum(variance)
              from reconciliation_line where invoice_id = ? group by kind, currency order by kind, currency""";

    private final AgroalDataSource database;

    public ReconciliationReport(AgroalDataSource database) {
        this.database = database;
    }

    public Optional<InvoiceHeader> invoice(UUID id) {
        return header("id = ?", statement -> statement.setObject(1, id));
    }

    public Optional<InvoiceHeader> invoice(String carrier, String invoiceNumber) {
        return header("carrier = ? and invoice_number = ?", statement -> {
            statement.setString(1, carrier);
            statement.setString(2, invoiceNumber);
        });
    }

    /** Counts and amounts by kind (and currency), in kind order. */
    public List<KindTotal> totals(UUID invoiceId) {
        return query(BY_KIND, statement -> statement.setObject(1, invoiceId), rows -> {
            List<KindTotal> totals = new ArrayList<>();
            while (rows.next()) {
                String currency = rows.getString(3).trim();
                totals.add(new KindTotal(rows.getString(1), rows.getLong(2), Amounts.money(rows.getBigDecimal(4), currency),
                        Amounts.money(rows.getBigDecimal(5), currency)));
            }
            return totals;
        });
    }

    /** A page of the report's lines, in file order. */
    public List<ReportLine> lines(UUID invoiceId, long offset, int limit) {
        return query(LINES, statement -> {
            statement.setObject(1, invoiceId);
            statement.setLong(2, offset);
            statement.setInt(3, limit);
        }, rows -> {
            List<ReportLine> lines = new ArrayList<>();
            while (rows.next()) {
                lines.add(line(rows));
            }
            return lines;
        });
    }

    /** Writes the whole report as CSV, streaming the lines from the database. */
    public void csv(UUID invoiceId, Writer out) {
        try (Connection connection = database.getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement statement = connection.prepareStatement(LINES);
                    CSVPrinter printer = new CSVPrinter(out, CSVFormat.RFC4180.builder()
                            .setHeader(CSV_COLUMNS.toArray(String[]::new)).get())) {
                statement.setObject(1, invoiceId);
                statement.setLong(2, 0);
                statement.setInt(3, Integer.MAX_VALUE);
                statement.setFetchSize(1_000);
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        ReportLine line = line(rows);
                        printer.printRecord(line.line(), line.lineKey(), line.trackingNumber(), line.reference(),
                                line.shipmentId(), line.kind(), line.surcharges(), line.billed().currency(),
                                line.billed().amount().toPlainString(), plain(line.booked()), currency(line.booked()),
                                plain(line.quoted()), currency(line.quoted()), plain(line.variance()), line.detail());
                    }
                }
                printer.flush();
            } finally {
                connection.commit();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the report: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ReportLine line(ResultSet rows) throws SQLException {
        String currency = rows.getString("currency").trim();
        return new ReportLine(rows.getInt("first_line"), rows.getString("line_key"), rows.getString("tracking_number"),
                rows.getString("reference"), rows.getString("shipment_id"), rows.getString("kind"),
                rows.getString("surcharges"), Amounts.money(rows.getBigDecimal("billed_amount"), currency),
                Amounts.money(rows.getBigDecimal("booked_amount"), trim(rows.getString("booked_currency"))),
                Amounts.money(rows.getBigDecimal("quoted_amount"), trim(rows.getString("quoted_currency"))),
                Amounts.money(rows.getBigDecimal("variance"), currency), rows.getString("detail"));
    }

    private Optional<InvoiceHeader> header(String where, Binder binder) {
        return query(INVOICE.formatted(where), binder, rows -> {
            if (!rows.next()) {
                return Optional.empty();
            }
            Date date = rows.getDate(4);
            return Optional.of(new InvoiceHeader(rows.getObject(1, UUID.class), rows.getString(2), rows.getString(3),
                    date == null ? null : date.toLocalDate(), rows.getString(5), rows.getInt(6), rows.getBoolean(7)));
        });
    }

    private <T> T query(String sql, Binder binder, Reading<T> reading) {
        try (Connection connection = database.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            binder.bind(statement);
            try (ResultSet rows = statement.executeQuery()) {
                return reading.read(rows);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the report: " + e.getMessage(), e);
        }
    }

    private static String trim(String value) {
        return value == null ? null : value.trim();
    }

    private static String plain(Money money) {
        return money == null ? null : money.amount().toPlainString();
    }

    private static String currency(Money money) {
        return money == null ? null : money.currency();
    }

    private interface Binder {
        void bind(PreparedStatement statement) throws SQLException;
    }

    private interface Reading<T> {
        T read(ResultSet rows) throws SQLException;
    }

    /** An invoice as imported; {@code reconciled} once a run has stored its verdicts. */
    public record InvoiceHeader(UUID id, String carrier, String invoiceNumber, LocalDate invoiceDate,
            String sourceFormat, int chargeCount, boolean reconciled) {
    }

    /** How many lines got one kind of verdict, what they billed and by how much they differ, per currency. */
    public record KindTotal(String kind, long lines, Money billed, Money variance) {
    }

    /** One line of the report. */
    public record ReportLine(int line, String lineKey, String trackingNumber, String reference, String shipmentId,
            String kind, String surcharges, Money billed, Money booked, Money quoted, Money variance, String detail) {
    }
}
