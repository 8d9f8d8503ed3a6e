package dev.carrierhub.billing.invoice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.carrierhub.billing.config.BillingConfig;
import dev.carrierhub.billing.config.TestConfig;
import java.io.StringReader;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CsvInvoiceReaderTest {

    @Test
    void readsTheDefaultLayoutOneChargePerRow() {
        List<InvoiceCharge> charges = read(layout(Map.of(), "sandbox"), """
                invoice_number,invoice_date,tracking_number,reference,ship_date,service,billed_weight,weight_unit,charge,amount,currency
                INV-1,2026-11-20,SBX100,,2026-11-17,SBX_STANDARD,2.5,KG,Freight,10.40,eur
                INV-1,2026-11-20,SBX100,,2026-11-17,SBX_STANDARD,2.5,KG,Fuel Surcharge,1.10,EUR
                INV-1,2026-11-20,,WH/OUT/7,,,11,LB,Residential,3.00,EUR
                """);

        assertThat(charges).hasSize(3);
        InvoiceCharge freight = charges.get(0);
        assertThat(freight.invoiceNumber()).isEqualTo("INV-1");
        assertThat(freight.invoiceDate()).isEqualTo(LocalDate.of(2026, 11, 20));
        assertThat(freight.trackingNumber()).isEqualTo("SBX100");
        assertThat(freight.reference()).isNull();
        assertThat(freight.shipDate()).isEqualTo(LocalDate.of(2026, 11, 17));
        assertThat(freight.serviceCode()).isEqualTo("SBX_STANDARD");
        assertThat(freight.billedWeightKg()).isEqualByComparingTo("2.5");
        assertThat(freight.chargeType()).isEqualTo(ChargeType.BASE);
        assertThat(freight.amount()).isEqualByComparingTo("10.40");
        assertThat(freight.currency()).as("upper-cased").isEqualTo("EUR");
        assertThat(freight.sourceLine()).isEqualTo(2);
        assertThat(charges.get(1).chargeType()).isEqualTo(ChargeType.FUEL);
        InvoiceCharge byReference = charges.get(2);
        assertThat(byReference.lineKey()).isEqualTo("ref:WH/OUT/7");
        assertThat(byReference.billedWeightKg()).as("11 lb").isEqualByComparingTo("4.9895");
        assertThat(byReference.chargeType()).isEqualTo(ChargeType.RESIDENTIAL);
        assertThat(byReference.sourceLine()).isEqualTo(4);
    }

    @Test
    void aCarrierWithItsOwnLayoutIsReadWithIt() {
        BillingConfig.CsvLayout layout = layout(Map.of(
                "carrierhub.billing.carriers.parcelco.csv.tracking-number", "Tracking No",
                "carrierhub.billing.carriers.parcelco.csv.invoice-number", "Invoice",
                "carrierhub.billing.carriers.parcelco.csv.amount", "Net Charge",
                "carrierhub.billing.carriers.parcelco.csv.charge", "Charge Description",
                "carrierhub.billing.carriers.parcelco.csv.ship-date", "Shipped",
                "carrierhub.billing.carriers.parcelco.csv.date-format", "dd.MM.yyyy",
                "carrierhub.billing.carriers.parcelco.csv.delimiter", ";",
                "carrierhub.billing.carriers.parcelco.csv.default-currency", "EUR"), "parcelco");

        List<InvoiceCharge> charges = read(layout, """
                Invoice;Tracking No;Shipped;Charge Description;Net Charge
                PC-77;PC123;17.11.2026;Address Correction;12.5
                """);

        assertThat(charges).singleElement().satisfies(charge -> {
            assertThat(charge.invoiceNumber()).isEqualTo("PC-77");
            assertThat(charge.shipDate()).isEqualTo(LocalDate.of(2026, 11, 17));
            assertThat(charge.chargeType()).isEqualTo(ChargeType.ADDRESS_CORRECTION);
            assertThat(charge.currency()).isEqualTo("EUR");
        });
    }

    @Test
    void aBadRowIsRefusedNamingItsLine() {
        BillingConfig.CsvLayout layout = layout(Map.of(), "sandbox");
        String csv = """
                invoice_number,tracking_number,charge,amount,currency
                INV-2,SBX1,Freight,10.00,EUR
                INV-2,SBX2,Freight,ten,EUR
                """;

        assertThatThrownBy(() -> read(layout, csv)).isInstanceOf(MalformedInvoiceException.class)
                .hasMessage("line 3: 'ten' in 'amount' is not a decimal number");
        assertThatThrownBy(() -> read(layout, "invoice_number,tracking_number,charge,amount,currency\nINV-3,,Freight,1.00,EUR\n"))
                .isInstanceOf(MalformedInvoiceException.class).hasMessageContaining("line 2")
                .hasMessageContaining("tracking number or a reference");
        assertThatThrownBy(() -> read(layout, "invoice_number,tracking_number,charge,amount,currency\nINV-3,T,Freight,1.00,XYZ\n"))
                .isInstanceOf(MalformedInvoiceException.class).hasMessageContaining("unknown currency 'XYZ'");
        assertThatThrownBy(() -> read(layout, "invoice_number,tracking_number,charge,amount,currency\nINV-3,T,Freight\n"))
                .isInstanceOf(MalformedInvoiceException.class).hasMessageContaining("expected 5 columns, found 3");
    }

    @Test
    void aHeaderWithoutARequiredColumnIsRefusedNamingTheColumn() {
        assertThatThrownBy(() -> read(layout(Map.of(), "sandbox"), "invoice_number,tracking_number,charge,currency\n"))
                .isInstanceOf(MalformedInvoiceException.class).hasMessage("line 1: the header has no 'amount' column");
    }

    private static List<InvoiceCharge> read(BillingConfig.CsvLayout layout, String csv) {
        List<InvoiceCharge> charges = new ArrayList<>();
        new CsvInvoiceReader(layout).read(new StringReader(csv), charges::add);
        return charges;
    }

    static BillingConfig.CsvLayout layout(Map<String, String> properties, String carrier) {
        return TestConfig.billing(properties).csvLayout(carrier);
    }
}
