package dev.carrierhub.billing.invoice;

import dev.carrierhub.contracts.shipment.Weight;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import javax.money.Monetary;

/**
 * Reads an EDI X12 210 (Motor Carrier Freight Details and Invoice) interchange: each transaction set
 * ({@code ST}…{@code SE}) is one invoice for one shipment, and each {@code L1} in it one charge.
 *
 * <ul>
 *   <li>The delimiters come from the {@code ISA} header (element at position 4, segment terminator after its
 *       16 elements), as X12 says; line breaks between segments are ignored.</li>
 *   <li>{@code B3}: 02 invoice number, 03 shipment id (the PRO, the tracking number), 06 invoice date,
 *       07 net amount due (N2: implied two decimals).</li>
 *   <li>{@code C3} currency (USD when absent); {@code N9} references (PO, BM, CR: the first is the shipment's
 *       reference); {@code G62*86} the pick-up date; {@code L0} weights (04, unit in 11: L or K).</li>
 *   <li>{@code L1}: 04 the charge (N2), 08 its special charge code ({@code 400} freight, {@code FUE} fuel, …).</li>
 * </ul>
 * The charges of a transaction must add up to its net amount due ({@code B3-07}) and to {@code L3-05} when
 * given; an invoice that does not is refused rather than half believed. One transaction is held at a time.
 */
public final class X12InvoiceReader {
    private static final DateTimeFormatter CCYYMMDD = DateTimeFormatter.BASIC_ISO_DATE;
    private static final int ISA_LENGTH = 106;

    /** @throws MalformedInvoiceException at the first segment that cannot be read, naming its line */
    public void read(Reader x12, Consumer<InvoiceCharge> charges) {
        try {
            SegmentReader segments = SegmentReader.open(x12);
            Transaction transaction = null;
            for (Segment segment = segments.next(); segment != null; segment = segments.next()) {
                try {
                    switch (segment.id()) {
                        case "ST" -> {
                            if (!"210".equals(segment.element(1))) {
                                throw new IllegalArgumentException("transaction set " + segment.element(1)
                                        + " is not a 210 freight invoice");
                            }
                            transaction = new Transaction(segment.line());
                        }
                        case "SE" -> {
                            required(transaction, segment).emit(charges);
                            transaction = null;
                        }
                        case "ISA", "GS", "GE", "IEA" -> {
                            if (transaction != null) {
                                throw new IllegalArgumentException(segment.id() + " inside a transaction set");
                            }
                        }
                        default -> {
                            if (transaction == null) {
                                throw new IllegalArgumentException(segment.id() + " outside a transaction set");
                            }
                            transaction.take(segment);
                        }
                    }
                } catch (IllegalArgumentException | DateTimeParseException | ArithmeticException e) {
                    throw new MalformedInvoiceException(segment.line(), segment.id() + ": " + e.getMessage(), e);
                }
            }
            if (transaction != null) {
                throw new MalformedInvoiceException(transaction.startLine, "transaction set without its SE trailer");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Transaction required(Transaction transaction, Segment segment) {
        if (transaction == null) {
            throw new IllegalArgumentException("SE without its ST");
        }
        return transaction;
    }

    /** Implied two decimals (X12 type N2): {@code 26050} is 260.50. */
    static BigDecimal n2(String value) {
        try {
            return new BigDecimal(new java.math.BigInteger(value.trim()), 2);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + value + "' is not an N2 amount");
        }
    }

    /** One 210 being read: its header data and its charges until {@code SE}. */
    private static final class Transaction {
        private final int startLine;
        private String invoiceNumber;
        private String shipmentId;
        private LocalDate invoiceDate;
        private BigDecimal netDue;
        private BigDecimal totalCharge;
        private String currency = "USD";
        private String reference;
        private LocalDate pickupDate;
        private BigDecimal weightKg;
        private final List<Pending> charges = new ArrayList<>();

        Transaction(int startLine) {
            this.startLine = startLine;
        }

        void take(Segment segment) {
            switch (segment.id()) {
                case "B3" -> {
                    invoiceNumber = segment.required(2, "invoice number");
                    shipmentId = segment.element(3);
                    invoiceDate = LocalDate.parse(segment.required(6, "invoice date"), CCYYMMDD);
                    netDue = n2(segment.required(7, "net amount due"));
                }
                case "C3" -> {
                    currency = segment.required(1, "currency");
                    if (!Monetary.isCurrencyAvailable(currency)) {
                        throw new IllegalArgumentException("unknown currency '" + currency + "'");
                    }
                }
                case "N9" -> {
                    if (reference == null && segment.element(2) != null) {
                        reference = segment.element(2);
                    }
                }
                case "G62" -> {
                    if ("86".equals(segment.element(1)) && segment.element(2) != null) {
                        pickupDate = LocalDate.parse(segment.element(2), CCYYMMDD);
                    }
                }
                case "L0" -> {
                    String weight = segment.element(4);
                    if (weight != null) {
                        String unit = segment.element(11) == null ? "L" : segment.element(11);
                        BigDecimal kg = Kilograms.of(new Weight(new BigDecimal(weight), Kilograms.unit(unit)));
                        weightKg = weightKg == null ? kg : weightKg.add(kg);
                    }
                }
                case "L1" -> {
                    String amount = segment.element(4);
                    if (amount != null) {
                        charges.add(new Pending(segment.element(8), n2(amount), segment.line()));
                    }
                }
                case "L3" -> {
                    if (segment.element(5) != null) {
                        totalCharge = n2(segment.element(5));
                    }
                }
                default -> {
                    // N1/N3/N4 parties, LX line numbers, L5 descriptions: not needed to reconcile.
                }
            }
        }

        void emit(Consumer<InvoiceCharge> sink) {
            if (invoiceNumber == null) {
                throw new IllegalArgumentException("transaction set from line " + startLine + " has no B3");
            }
            if (charges.isEmpty()) {
                throw new IllegalArgumentException("invoice " + invoiceNumber + " has no L1 charge");
            }
            BigDecimal sum = charges.stream().map(Pending::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
            if (sum.compareTo(netDue) != 0) {
                throw new IllegalArgumentException("invoice " + invoiceNumber + ": the L1 charges add up to "
                        + sum.toPlainString() + " but B3 says " + netDue.toPlainString() + " is due");
            }
            if (totalCharge != null && sum.compareTo(totalCharge) != 0) {
                throw new IllegalArgumentException("invoice " + invoiceNumber + ": the L1 charges add up to "
                        + sum.toPlainString() + " but L3 says " + totalCharge.toPlainString());
            }
            String tracking = shipmentId == null || shipmentId.isBlank() ? null : shipmentId;
            if (tracking == null && reference == null) {
                throw new IllegalArgumentException("invoice " + invoiceNumber + " names no shipment (B3-03) and no N9 reference");
            }
            for (Pending charge : charges) {
                sink.accept(new InvoiceCharge(invoiceNumber, invoiceDate, tracking, reference, pickupDate, null,
                        weightKg, ChargeType.ofCode(charge.code()), charge.code(), charge.amount(), currency,
                        charge.line()));
            }
        }
    }

    private record Pending(String code, BigDecimal amount, int line) {
    }

    /** One segment: its id and elements, and the line of the file it starts on. */
    record Segment(String id, List<String> elements, int line) {
        /** Element {@code n} (1-based, as X12 numbers them), null when absent or empty. */
        String element(int n) {
            if (n >= elements.size()) {
                return null;
            }
            String value = elements.get(n);
            return value.isEmpty() ? null : value;
        }

        String required(int n, String what) {
            String value = element(n);
            if (value == null) {
                throw new IllegalArgumentException("no " + what + " (element " + n + ")");
            }
            return value;
        }
    }

    /** Splits the interchange into segments with the delimiters its ISA header declares. */
    static final class SegmentReader {
        private final Reader in;
        private final Pattern elementSeparator;
        private final char terminator;
        private int line = 1;
        private String pendingIsa;

        private SegmentReader(Reader in, char elementSeparator, char terminator, String isa) {
            this.in = in;
            this.elementSeparator = Pattern.compile(Pattern.quote(String.valueOf(elementSeparator)));
            this.terminator = terminator;
            this.pendingIsa = isa;
        }

        static SegmentReader open(Reader in) throws IOException {
            char[] isa = new char[ISA_LENGTH];
            int read = 0;
            while (read < ISA_LENGTH) {
                int n = in.read(isa, read, ISA_LENGTH - read);
                if (n < 0) {
                    break;
                }
                read += n;
            }
            String header = new String(isa, 0, read);
            if (read < ISA_LENGTH || !header.startsWith("ISA")) {
                throw new MalformedInvoiceException(1, "not an X12 interchange: it must start with a 106-character ISA segment");
            }
            return new SegmentReader(in, header.charAt(3), header.charAt(ISA_LENGTH - 1),
                    header.substring(0, ISA_LENGTH - 1));
        }

        Segment next() throws IOException {
            if (pendingIsa != null) {
                Segment isa = segment(pendingIsa, 1);
                pendingIsa = null;
                return isa;
            }
            StringBuilder text = new StringBuilder();
            int start = -1;
            for (int c = in.read(); c >= 0; c = in.read()) {
                if (c == terminator) {
                    return segment(text.toString(), start);
                }
                if (c == '\n') {
                    line++;
                    continue;
                }
                if (c == '\r' || (text.isEmpty() && Character.isWhitespace(c))) {
                    continue;
                }
                if (start < 0) {
                    start = line;
                }
                text.append((char) c);
            }
            if (!text.toString().isBlank()) {
                throw new MalformedInvoiceException(start, "the last segment has no terminator '" + terminator + "'");
            }
            return null;
        }

        private Segment segment(String text, int startLine) {
            List<String> elements = List.of(elementSeparator.split(text, -1));
            return new Segment(elements.get(0), elements, startLine);
        }
    }
}
