package dev.carrierhub.billing.invoice;

import dev.carrierhub.billing.config.BillingConfig.CsvLayout;
import dev.carrierhub.contracts.shipment.Weight;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import javax.money.Monetary;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads a CSV invoice export, one charge per row, with the columns a carrier's {@link CsvLayout} names. Rows are
 * handed on one at a time, so the file is never held in memory.
 */
public final class CsvInvoiceReader {
    private final CsvLayout layout;
    private final DateTimeFormatter dates;

    public CsvInvoiceReader(CsvLayout layout) {
        this.layout = layout;
        this.dates = DateTimeFormatter.ofPattern(layout.dateFormat(), Locale.ROOT);
    }

    /** @throws MalformedInvoiceException at the first row that cannot be read, naming its line */
    public void read(Reader csv, Consumer<InvoiceCharge> charges) {
        CSVFormat format = CSVFormat.RFC4180.builder().setDelimiter(layout.delimiter()).setHeader()
                .setSkipHeaderRecord(true).setIgnoreSurroundingSpaces(true).setIgnoreEmptyLines(true).get();
        try (CSVParser parser = CSVParser.parse(csv, format)) {
            Map<String, Integer> header = parser.getHeaderMap();
            require(header, layout.invoiceNumber());
            require(header, layout.amount());
            require(header, layout.charge());
            if (!header.containsKey(layout.trackingNumber()) && !header.containsKey(layout.reference())) {
                throw new MalformedInvoiceException(1, "the header has neither '" + layout.trackingNumber()
                        + "' nor '" + layout.reference() + "': a charge needs one of them");
            }
            if (!header.containsKey(layout.currency()) && layout.defaultCurrency().isEmpty()) {
                throw new MalformedInvoiceException(1, "the header has no '" + layout.currency()
                        + "' column and the carrier's layout sets no default-currency");
            }
            for (CSVRecord row : parser) {
                charges.accept(charge(row, header, Math.toIntExact(parser.getCurrentLineNumber())));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (UncheckedIOException e) {
            // commons-csv reports a broken quote this way; it is the file's fault, not the disk's.
            throw new MalformedInvoiceException(0, "unreadable CSV: " + e.getCause().getMessage(), e);
        }
    }

    private InvoiceCharge charge(CSVRecord row, Map<String, Integer> header, int line) {
        if (!row.isConsistent()) {
            throw new MalformedInvoiceException(line, "expected " + header.size() + " columns, found " + row.size());
        }
        try {
            String currency = text(row, header, layout.currency());
            currency = currency != null ? currency.toUpperCase(Locale.ROOT) : layout.defaultCurrency().orElseThrow();
            if (!Monetary.isCurrencyAvailable(currency)) {
                throw new IllegalArgumentException("unknown currency '" + currency + "'");
            }
            String charge = text(row, header, layout.charge());
            String weight = text(row, header, layout.billedWeight());
            String unit = text(row, header, layout.weightUnit());
            String amount = text(row, header, layout.amount());
            if (amount == null) {
                throw new IllegalArgumentException("no amount in '" + layout.amount() + "'");
            }
            String invoiceNumber = text(row, header, layout.invoiceNumber());
            if (invoiceNumber == null) {
                throw new IllegalArgumentException("no invoice number in '" + layout.invoiceNumber() + "'");
            }
            return new InvoiceCharge(invoiceNumber, date(row, header, layout.invoiceDate()),
                    text(row, header, layout.trackingNumber()), text(row, header, layout.reference()),
                    date(row, header, layout.shipDate()), text(row, header, layout.service()),
                    weight == null ? null : Kilograms.of(new Weight(decimal(weight, layout.billedWeight()),
                            Kilograms.unit(unit == null ? layout.defaultWeightUnit() : unit))),
                    ChargeType.ofCode(charge), charge, decimal(amount, layout.amount()), currency, line);
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw new MalformedInvoiceException(line, e.getMessage(), e);
        }
    }

    private static void require(Map<String, Integer> header, String column) {
        if (!header.containsKey(column)) {
            throw new MalformedInvoiceException(1, "the header has no '" + column + "' column");
        }
    }

    private static String text(CSVRecord row, Map<String, Integer> header, String column) {
        Integer index = header.get(column);
        if (index == null) {
            return null;
        }
        String value = row.get(index).trim();
        return value.isEmpty() ? null : value;
    }

    private LocalDate date(CSVRecord row, Map<String, Integer> header, String column) {
        String value = text(row, header, column);
        return value == null ? null : LocalDate.parse(value, dates);
    }

    private static BigDecimal decimal(String value, String column) {
        try {
            return new BigDecimal(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + value + "' in '" + column + "' is not a decimal number");
        }
    }
}
