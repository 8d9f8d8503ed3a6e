package dev.carrierhub.billing.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.carrierhub.contracts.events.DiscrepancyKind;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class LineClassifierTest {
    private static final Tolerance DEFAULT = new Tolerance(new BigDecimal("0.50"), new BigDecimal("2"));
    private static final Tolerance STRICT = new Tolerance(new BigDecimal("0.01"), BigDecimal.ZERO);

    private final LineClassifier classifier = new LineClassifier((tenant, carrier) ->
            "strict".equals(tenant) ? STRICT : DEFAULT);

    @Test
    void aLineNoShipmentMatchesIsAnUnknownShipment() {
        Verdict verdict = classifier.classify(line("20.00", "BASE=20.00"), null);

        assertThat(verdict.kind()).isEqualTo(DiscrepancyKind.UNKNOWN_SHIPMENT);
        assertThat(verdict.variance()).isNull();
        assertThat(verdict.detail()).isEqualTo("No shipment of sandbox matches tracking number SBX1. Billed 20.00 EUR.");
    }

    @Test
    void withinTheLargerOfTheAbsoluteAndThePercentToleranceIsRight() {
        Verdict verdict = classifier.classify(line("20.40", "BASE=20.00", "FUEL=0.40"), shipment("20.00", null));

        assertThat(verdict.kind()).isEqualTo(DiscrepancyKind.WITHIN_TOLERANCE);
        assertThat(verdict.variance()).isEqualByComparingTo("0.40");
        assertThat(verdict.surcharges()).isEqualTo("FUEL=0.40");
        assertThat(verdict.detail()).isEqualTo("Billed 20.40 EUR, booked 20.00 EUR: 0.40 EUR over, tolerance 0.50 EUR.");
        assertThat(classifier.classify(line("102.00", "BASE=102.00"), shipment("100.00", null)).kind())
                .as("2 % of 100.00 is more than 0.50").isEqualTo(DiscrepancyKind.WITHIN_TOLERANCE);
        assertThat(classifier.classify(line("20.40", "BASE=20.40"), shipment("20.00", "strict")).kind())
                .as("the tenant's stricter tolerance").isEqualTo(DiscrepancyKind.PRICE_VARIANCE);
    }

    @Test
    void surchargesBeyondToleranceAreASurchargeNamingEachType() {
        Verdict verdict = classifier.classify(line("26.10", "BASE=20.00", "FUEL=2.00", "RESIDENTIAL=4.10"),
                shipmentQuoted("20.00", "19.50"));

        assertThat(verdict.kind()).isEqualTo(DiscrepancyKind.SURCHARGE);
        assertThat(verdict.variance()).isEqualByComparingTo("6.10");
        assertThat(verdict.surcharges()).isEqualTo("FUEL=2.00,RESIDENTIAL=4.10");
        assertThat(verdict.detail()).isEqualTo("Billed 26.10 EUR, booked 20.00 EUR (quoted 19.50 EUR): 6.10 EUR over,"
                + " tolerance 0.50 EUR. Surcharges: FUEL 2.00, RESIDENTIAL 4.10.");
    }

    @Test
    void aHeavierBilledWeightOrAWeightCorrectionIsAWeightAdjustment() {
        InvoiceLine heavier = withWeight(line("30.00", "BASE=30.00"), "5.0");
        Verdict verdict = classifier.classify(heavier, shipmentDeclared("20.00", "2.5"));

        assertThat(verdict.kind()).isEqualTo(DiscrepancyKind.WEIGHT_ADJUSTMENT);
        assertThat(verdict.detail()).endsWith("Billed weight 5 kg, declared 2.5 kg.");
        assertThat(classifier.classify(line("30.00", "BASE=20.00", "WEIGHT_CORRECTION=10.00"), shipment("20.00", null))
                .kind()).isEqualTo(DiscrepancyKind.WEIGHT_ADJUSTMENT);
        assertThat(classifier.classify(withWeight(line("30.00", "BASE=30.00"), "2.51"), shipmentDeclared("20.00", "2.5"))
                .kind()).as("within half a percent is rounding, not a re-weigh").isEqualTo(DiscrepancyKind.PRICE_VARIANCE);
    }

    @Test
    void aDimensionalWeightChargeIsADimensionAdjustment() {
        assertThat(classifier.classify(line("28.00", "BASE=20.00", "DIMENSIONAL_WEIGHT=8.00"), shipment("20.00", null))
                .kind()).isEqualTo(DiscrepancyKind.DIMENSION_ADJUSTMENT);
    }

    @Test
    void anotherServiceThanBookedIsAServiceMismatchWhateverTheAmount() {
        InvoiceLine express = new InvoiceLine("sandbox", "INV-1", LocalDate.of(2026, 11, 20), "SBX1", 2, "SBX1", null,
                "SBX_EXPRESS", null, new BigDecimal("20.00"), "EUR", 1, charges("BASE=20.00"), 1, null);

        Verdict verdict = classifier.classify(express, shipment("20.00", null));

        assertThat(verdict.kind()).isEqualTo(DiscrepancyKind.SERVICE_MISMATCH);
        assertThat(verdict.detail()).endsWith("Billed as service SBX_EXPRESS, booked as SBX_STANDARD.");
    }

    @Test
    void aVoidedLabelBilledIsBilledAfterVoid() {
        ShipmentFacts voided = new ShipmentFacts("acme-1", "acme", 1, "WH/OUT/1", "S1", "SBX_STANDARD",
                new BigDecimal("20.00"), "EUR", null, null, Instant.parse("2026-11-16T10:00:00Z"), null,
                Instant.parse("2026-11-16T12:00:00Z"));

        Verdict verdict = classifier.classify(line("20.00", "BASE=20.00"), voided);

        assertThat(verdict.kind()).isEqualTo(DiscrepancyKind.BILLED_AFTER_VOID);
        assertThat(verdict.detail()).endsWith("The label was voided at 2026-11-16T12:00:00Z.");
    }

    @Test
    void billedOnAnEarlierInvoiceOrFreightTwiceIsDuplicateBilling() {
        InvoiceLine again = new InvoiceLine("sandbox", "INV-2", null, "SBX1", 2, "SBX1", null, null, null,
                new BigDecimal("20.00"), "EUR", 1, charges("BASE=20.00"), 1, "INV-1");
        assertThat(classifier.classify(again, shipment("20.00", null)).detail()).endsWith("Already billed on invoice INV-1.");
        assertThat(classifier.classify(again, shipment("20.00", null)).kind()).isEqualTo(DiscrepancyKind.DUPLICATE_BILLING);

        Verdict twice = classifier.classify(line("40.00", "BASE=20.00", "BASE=20.00"), shipment("20.00", null));
        assertThat(twice.kind()).isEqualTo(DiscrepancyKind.DUPLICATE_BILLING);
        assertThat(twice.detail()).endsWith("The freight is billed 2 times on this invoice.");
    }

    @Test
    void aDifferenceNothingExplainsIsAPriceVarianceAndAnotherCurrencyCannotBeCompared() {
        assertThat(classifier.classify(line("25.00", "BASE=25.00"), shipment("20.00", null)).kind())
                .isEqualTo(DiscrepancyKind.PRICE_VARIANCE);
        ShipmentFacts inDollars = new ShipmentFacts("acme-1", "acme", 1, "WH/OUT/1", null, "SBX_STANDARD",
                new BigDecimal("20.00"), "USD", null, null, Instant.now(), null, null);
        Verdict verdict = classifier.classify(line("20.00", "BASE=20.00"), inDollars);
        assertThat(verdict.kind()).isEqualTo(DiscrepancyKind.PRICE_VARIANCE);
        assertThat(verdict.variance()).isNull();
    }

    @Test
    void theSameLineAndFactsGiveTheSameVerdictWordForWord() {
        InvoiceLine line = line("26.10", "BASE=20.00", "FUEL=2.00", "RESIDENTIAL=4.10");
        ShipmentFacts facts = shipmentQuoted("20.00", "19.50");

        assertThat(classifier.classify(line, facts)).isEqualTo(classifier.classify(line, facts));
    }

    private static InvoiceLine line(String billed, String... charges) {
        return new InvoiceLine("sandbox", "INV-1", LocalDate.of(2026, 11, 20), "SBX1", 2, "SBX1", null, null, null,
                new BigDecimal(billed), "EUR", 1, charges(charges),
                (int) Arrays.stream(charges).filter(c -> c.startsWith("BASE=")).count(), null);
    }

    private static InvoiceLine withWeight(InvoiceLine line, String kg) {
        return new InvoiceLine(line.carrier(), line.invoiceNumber(), line.invoiceDate(), line.lineKey(),
                line.firstLine(), line.trackingNumber(), line.reference(), line.serviceCode(), new BigDecimal(kg),
                line.billed(), line.currency(), line.currencies(), line.charges(), line.baseCharges(),
                line.billedBefore());
    }

    private static List<InvoiceLine.Charge> charges(String... charges) {
        return Arrays.stream(charges).map(c -> c.split("="))
                .map(parts -> new InvoiceLine.Charge(parts[0], new BigDecimal(parts[1]))).toList();
    }

    private static ShipmentFacts shipment(String booked, String tenant) {
        return new ShipmentFacts("acme-1", tenant == null ? "acme" : tenant, 1, "WH/OUT/1", "S1", "SBX_STANDARD",
                new BigDecimal(booked), "EUR", null, null, Instant.parse("2026-11-16T10:00:00Z"), null, null);
    }

    private static ShipmentFacts shipmentQuoted(String booked, String quoted) {
        return new ShipmentFacts("acme-1", "acme", 1, "WH/OUT/1", "S1", "SBX_STANDARD", new BigDecimal(booked), "EUR",
                new BigDecimal(quoted), "EUR", Instant.parse("2026-11-16T10:00:00Z"), null, null);
    }

    private static ShipmentFacts shipmentDeclared(String booked, String declaredKg) {
        return new ShipmentFacts("acme-1", "acme", 1, "WH/OUT/1", "S1", "SBX_STANDARD", new BigDecimal(booked), "EUR",
                null, null, Instant.parse("2026-11-16T10:00:00Z"), new BigDecimal(declaredKg), null);
    }
}
