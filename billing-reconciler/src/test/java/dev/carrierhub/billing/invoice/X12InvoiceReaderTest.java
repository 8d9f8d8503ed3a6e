package dev.carrierhub.billing.invoice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.carrierhub.contracts.Json;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class X12InvoiceReaderTest {
    /** The synthetic 210 in the carriers' material (Surefire names the folder in carrierhub.shared), read in place. */
    private static final Path SHARED_SAMPLE = Path.of(System.getProperty("carrierhub.shared", "../../shared"),
            "carrier-specs/invoices/x12-210-invoice.synthetic.json");

    @Test
    void readsEveryTransactionSetAsOneInvoiceWithItsCharges() throws IOException {
        List<InvoiceCharge> charges = read(resource("invoices/two-shipments.x12"));

        assertThat(charges).hasSize(3);
        InvoiceCharge freight = charges.get(0);
        assertThat(freight.invoiceNumber()).isEqualTo("X12-1001");
        assertThat(freight.trackingNumber()).isEqualTo("SBX1X12A");
        assertThat(freight.reference()).isEqualTo("S9001");
        assertThat(freight.invoiceDate()).isEqualTo(LocalDate.of(2026, 11, 20));
        assertThat(freight.shipDate()).isEqualTo(LocalDate.of(2026, 11, 17));
        assertThat(freight.chargeType()).isEqualTo(ChargeType.BASE);
        assertThat(freight.amount()).isEqualByComparingTo("12.00");
        assertThat(freight.currency()).isEqualTo("EUR");
        assertThat(freight.billedWeightKg()).as("11 lb").isEqualByComparingTo("4.9895");
        assertThat(charges.get(1).chargeType()).isEqualTo(ChargeType.FUEL);
        assertThat(charges.get(1).amount()).isEqualByComparingTo("2.50");
        InvoiceCharge second = charges.get(2);
        assertThat(second.invoiceNumber()).isEqualTo("X12-1002");
        assertThat(second.trackingNumber()).as("no PRO: the reference names the shipment").isNull();
        assertThat(second.lineKey()).isEqualTo("ref:S9002");
        assertThat(second.currency()).as("no C3: X12's default").isEqualTo("USD");
        assertThat(second.sourceLine()).isEqualTo(20);
    }

    @Test
    void chargesThatDoNotAddUpToTheAmountDueAreRefusedNamingTheTrailer() {
        String wrong = text("""
                ST*210*0001~
                B3**INV-9*PRO9*PP**20261120*1000**20261118*035*SBXC~
                L1*1***900****400~
                SE*4*0001~
                """);

        assertThatThrownBy(() -> read(new StringReader(wrong))).isInstanceOf(MalformedInvoiceException.class)
                .hasMessageContaining("line 5").hasMessageContaining("add up to 9.00 but B3 says 10.00");
    }

    @Test
    void aSegmentOutsideATransactionSetAndAMissingTrailerAreRefused() {
        assertThatThrownBy(() -> read(new StringReader(text("L1*1***900****400~\n"))))
                .isInstanceOf(MalformedInvoiceException.class).hasMessageContaining("line 2")
                .hasMessageContaining("outside a transaction set");
        assertThatThrownBy(() -> read(new StringReader(text("ST*210*0001~\nB3**I*P*PP**20261120*100~\n"))))
                .isInstanceOf(MalformedInvoiceException.class).hasMessageContaining("without its SE");
        assertThatThrownBy(() -> read(new StringReader("hello"))).isInstanceOf(MalformedInvoiceException.class)
                .hasMessageContaining("ISA");
    }

    @Test
    void theCarriersSyntheticSampleReadsAsItsExpectedReconciliation() throws IOException {
        assumeTrue(Files.exists(SHARED_SAMPLE), () -> SHARED_SAMPLE + " not found: the carriers' X12 210 sample is skipped");
        JsonNode sample = Json.mapper().readTree(SHARED_SAMPLE.toFile());
        JsonNode expected = sample.path("expected_reconciliation");

        List<InvoiceCharge> charges = read(new StringReader(sample.path("raw").asText()));

        assertThat(charges).hasSize(expected.path("charges").size());
        for (int i = 0; i < charges.size(); i++) {
            JsonNode charge = expected.path("charges").get(i);
            assertThat(charges.get(i).chargeCode()).isEqualTo(charge.path("code").asText());
            assertThat(charges.get(i).amount()).isEqualByComparingTo(charge.path("amount").asText());
        }
        InvoiceCharge first = charges.get(0);
        assertThat(first.invoiceNumber()).isEqualTo(expected.path("invoice_number").asText());
        assertThat(first.trackingNumber()).isEqualTo(expected.path("pro_number").asText());
        assertThat(first.currency()).isEqualTo(expected.path("currency").asText());
        assertThat(first.invoiceDate()).isEqualTo(LocalDate.parse(expected.path("invoice_date").asText()));
        assertThat(first.shipDate()).isEqualTo(LocalDate.parse(expected.path("pickup_date").asText()));
        assertThat(charges.stream().map(InvoiceCharge::amount).reduce(BigDecimal.ZERO, BigDecimal::add))
                .isEqualByComparingTo(expected.path("total_due").asText());
        assertThat(first.billedWeightKg()).as("1200 lb").isEqualByComparingTo("544.3108");
    }

    private static List<InvoiceCharge> read(Reader x12) {
        List<InvoiceCharge> charges = new ArrayList<>();
        new X12InvoiceReader().read(x12, charges::add);
        return charges;
    }

    /** An interchange around {@code body}: the ISA header is line 1. */
    private static String text(String body) {
        return "ISA*00*          *00*          *02*SBXC           *ZZ*CARRIERHUB     *261120*0900*U*00401*000000201*0*T*>~\n"
                + body;
    }

    private static Reader resource(String name) {
        return new InputStreamReader(X12InvoiceReaderTest.class.getClassLoader().getResourceAsStream(name),
                StandardCharsets.US_ASCII);
    }
}
