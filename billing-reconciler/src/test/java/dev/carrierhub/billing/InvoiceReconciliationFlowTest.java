package dev.carrierhub.billing;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;

import dev.carrierhub.billing.drop.DropFolderImport;
import dev.carrierhub.contracts.Topics;
import dev.carrierhub.contracts.events.BillingDiscrepancy;
import dev.carrierhub.contracts.events.DiscrepancyKind;
import dev.carrierhub.contracts.events.Quote;
import dev.carrierhub.contracts.events.ShipmentLabeled;
import dev.carrierhub.contracts.events.ShipmentRated;
import dev.carrierhub.contracts.events.ShipmentVoided;
import dev.carrierhub.contracts.shipment.Money;
import dev.carrierhub.contracts.shipment.OdooPickingRef;
import dev.carrierhub.contracts.shipment.Parcel;
import dev.carrierhub.contracts.shipment.ServiceLevel;
import dev.carrierhub.contracts.shipment.Shipment;
import dev.carrierhub.contracts.shipment.ShipmentIds;
import dev.carrierhub.contracts.shipment.Weight;
import dev.carrierhub.contracts.shipment.WeightUnit;
import dev.carrierhub.devstack.DevStackTestResource;
import dev.carrierhub.testsupport.KafkaProbe;
import dev.carrierhub.testsupport.OperatorTokens;
import dev.carrierhub.testsupport.TestShipments;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Invoices against real Kafka and PostgreSQL: labels, declarations and voids arrive as events; invoices are
 * uploaded as CSV, X12 210 and JSON; the report, the billing.discrepancy events and re-runs are checked.
 */
@QuarkusTest
@WithTestResource(value = DevStackTestResource.class,
        initArgs = @ResourceArg(name = DevStackTestResource.DATABASE_ARG, value = "billing_reconciler"))
class InvoiceReconciliationFlowTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final AtomicLong PICKINGS = new AtomicLong(System.currentTimeMillis() % 1_000_000 * 1000 + 500_000);
    private static final String HEADER =
            "invoice_number,invoice_date,tracking_number,reference,ship_date,service,billed_weight,weight_unit,charge,amount,currency\n";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    Pool database;

    @Inject
    DropFolderImport dropFolder;

    KafkaProbe kafka;

    @BeforeEach
    void probe() {
        kafka = new KafkaProbe(bootstrapServers);
    }

    @Test
    void everyKindOfLineIsClassifiedReportedAndAnnouncedOnce() {
        Labeled right = label("20.00", null, "acme");
        Labeled surcharged = label("20.00", "19.50", "acme");
        Labeled reweighed = label("20.00", null, "acme");
        Labeled dimensional = label("20.00", null, "acme");
        Labeled otherService = label("20.00", null, "acme");
        Labeled voided = label("20.00", null, "acme");
        Labeled twice = label("20.00", null, "acme");
        Labeled unexplained = label("20.00", null, "acme");
        Labeled byReference = label("15.00", null, "acme");
        Labeled strict = label("20.00", null, "strict");
        declare(reweighed, "2.5");
        kafka.send(new ShipmentVoided(voided.shipmentId(), voided.picking(), "sandbox", "sbx_" + voided.picking().pickingId(),
                voided.tracking(), "cancelled in Odoo", Instant.now()));
        awaitFacts(List.of(right, surcharged, reweighed, dimensional, otherService, voided, twice, unexplained,
                byReference, strict), reweighed, voided);
        String invoice = "INV-" + PICKINGS.incrementAndGet();
        String csv = HEADER
                + row(invoice, right, "", "Freight", "20.30")
                + row(invoice, surcharged, "", "Freight", "20.00") + row(invoice, surcharged, "", "Fuel", "2.00")
                + row(invoice, surcharged, "", "Residential", "4.10")
                + row(invoice, reweighed, "5.0", "Freight", "30.00")
                + row(invoice, dimensional, "", "Freight", "20.00") + row(invoice, dimensional, "", "DIM", "8.00")
                + invoice + ",2026-11-20," + otherService.tracking() + ",,,SBX_EXPRESS,,,Freight,20.00,EUR\n"
                + row(invoice, voided, "", "Freight", "20.00")
                + row(invoice, twice, "", "Freight", "20.00") + row(invoice, twice, "", "Freight", "20.00")
                + invoice + ",2026-11-20,NOSUCH" + invoice + ",,,,,,Freight,9.99,EUR\n"
                + row(invoice, unexplained, "", "Freight", "25.00")
                + invoice + ",2026-11-20,," + byReference.picking().pickingName() + ",,,,,Freight,15.00,EUR\n"
                + row(invoice, strict, "", "Freight", "20.40");

        JsonPath imported = finance().contentType("text/csv").body(csv).post("/invoices?carrier=sandbox&name=nov.csv")
                .then().statusCode(201).extract().jsonPath();
        assertThat(imported.getLong("imported.invoicesImported")).isEqualTo(1);
        assertThat(imported.getLong("imported.charges")).isEqualTo(15);
        assertThat(imported.getLong("reconciliation.lines")).isEqualTo(11);
        assertThat(imported.getLong("reconciliation.discrepancies")).isEqualTo(9);
        assertThat(imported.getLong("reconciliation.published")).as("not for the right line nor the unknown one")
                .isEqualTo(8);

        String id = finance().get("/invoices?carrier=sandbox&invoiceNumber=" + invoice).then().statusCode(200)
                .body("chargeCount", equalTo(15)).body("reconciled", equalTo(true)).extract().path("id");
        JsonPath report = finance().get("/invoices/" + id + "/report").then().statusCode(200).extract().jsonPath();
        Map<String, String> kinds = report.getList("lines", Map.class).stream().collect(Collectors.toMap(
                line -> (String) line.get("lineKey"), line -> (String) line.get("kind")));
        assertThat(kinds).containsEntry(right.tracking(), "WITHIN_TOLERANCE")
                .containsEntry(surcharged.tracking(), "SURCHARGE")
                .containsEntry(reweighed.tracking(), "WEIGHT_ADJUSTMENT")
                .containsEntry(dimensional.tracking(), "DIMENSION_ADJUSTMENT")
                .containsEntry(otherService.tracking(), "SERVICE_MISMATCH")
                .containsEntry(voided.tracking(), "BILLED_AFTER_VOID")
                .containsEntry(twice.tracking(), "DUPLICATE_BILLING")
                .containsEntry("NOSUCH" + invoice, "UNKNOWN_SHIPMENT")
                .containsEntry(unexplained.tracking(), "PRICE_VARIANCE")
                .containsEntry("ref:" + byReference.picking().pickingName(), "WITHIN_TOLERANCE")
                .containsEntry(strict.tracking(), "PRICE_VARIANCE");
        assertThat(report.getList("lines.line", Integer.class)).as("file order").isSorted();
        assertThat(report.getString("lines.find { it.lineKey == '" + surcharged.tracking() + "' }.detail"))
                .isEqualTo("Billed 26.10 EUR, booked 20.00 EUR (quoted 19.50 EUR): 6.10 EUR over, tolerance 0.50 EUR."
                        + " Surcharges: FUEL 2.00, RESIDENTIAL 4.10.");

        await().atMost(WAIT).untilAsserted(() -> assertThat(discrepancies(surcharged)).hasSize(1));
        BillingDiscrepancy event = discrepancies(surcharged).get(0);
        assertThat(event.kind()).isEqualTo(DiscrepancyKind.SURCHARGE);
        assertThat(event.invoiceNumber()).isEqualTo(invoice);
        assertThat(event.picking()).isEqualTo(surcharged.picking());
        assertThat(event.billed()).isEqualTo(Money.of("26.10", "EUR"));
        assertThat(event.expected()).isEqualTo(Money.of("20.00", "EUR"));
        assertThat(event.variance()).isEqualTo(Money.of("6.10", "EUR"));
        await().atMost(WAIT).untilAsserted(() -> assertThat(discrepancies(voided)).extracting(BillingDiscrepancy::kind)
                .containsExactly(DiscrepancyKind.BILLED_AFTER_VOID));
        assertThat(discrepancies(right)).as("within tolerance needs no one").isEmpty();

        // The same file again changes nothing; a re-run gives the same report, byte for byte, and announces nothing.
        String csvReport = finance().accept("text/csv").get("/invoices/" + id + "/report").then().statusCode(200)
                .header("Content-Disposition", containsString(invoice)).extract().asString();
        finance().contentType("text/csv").body(csv).post("/invoices?carrier=sandbox").then().statusCode(200)
                .body("imported.invoicesImported", equalTo(0)).body("imported.skippedCount", equalTo(1))
                .body("imported.invoicesSkipped[0]", equalTo(invoice)).body("imported.charges", equalTo(0));
        finance().post("/invoices/" + id + "/reconciliation").then().statusCode(200)
                .body("lines", equalTo(11)).body("published", equalTo(0));
        assertThat(finance().accept("text/csv").get("/invoices/" + id + "/report").then().statusCode(200)
                .extract().asString()).isEqualTo(csvReport);
        assertThat(csvReport.lines().findFirst()).hasValue(
                "line,line_key,tracking_number,reference,shipment_id,kind,surcharges,currency,billed,booked,"
                        + "booked_currency,quoted,quoted_currency,variance,detail");
        assertThat(count("select count(*) from invoice_charge c join invoice i on i.id = c.invoice_id"
                + " where i.invoice_number = $1", invoice)).isEqualTo(15);

        // A later invoice billing the same shipment again is duplicate billing.
        String later = "INV-" + PICKINGS.incrementAndGet();
        finance().contentType("text/csv").body(HEADER + row(later, right, "", "Freight", "20.30"))
                .post("/invoices?carrier=sandbox").then().statusCode(201);
        String laterId = finance().get("/invoices?carrier=sandbox&invoiceNumber=" + later).then().extract().path("id");
        finance().get("/invoices/" + laterId + "/report").then().statusCode(200)
                .body("lines[0].kind", equalTo("DUPLICATE_BILLING"))
                .body("lines[0].detail", endsWith("Already billed on invoice " + invoice + "."));
    }

    @Test
    void aMalformedFileIsRefusedNamingTheLineAndNothingIsImported() {
        Labeled shipment = label("20.00", null, "acme");
        String invoice = "INV-" + PICKINGS.incrementAndGet();
        String csv = HEADER + row(invoice, shipment, "", "Freight", "20.00") + row(invoice, shipment, "", "Fuel", "2.00")
                + invoice + ",2026-11-20," + shipment.tracking() + ",,,,,,Fuel,two euros,EUR\n";

        finance().contentType("text/csv").body(csv).post("/invoices?carrier=sandbox").then().statusCode(422)
                .contentType("application/problem+json")
                .body("type", endsWith("/malformed-invoice"))
                .body("detail", equalTo("Nothing was imported: line 4: 'two euros' in 'amount' is not a decimal number"));
        finance().get("/invoices?carrier=sandbox&invoiceNumber=" + invoice).then().statusCode(404)
                .body("type", endsWith("/invoice-not-found"));
    }

    @Test
    void anX12InvoiceAndAJsonUploadAreReconciledLikeACsv() {
        Labeled byPro = label("12.00", null, "acme", "SBX1X12-" + PICKINGS.incrementAndGet());
        awaitFacts(List.of(byPro), null, null);
        String x12 = """
                ISA*00*          *00*          *02*SBXC           *ZZ*CARRIERHUB     *261120*0900*U*00401*000000201*0*T*>~
                GS*IM*SBXC*CARRIERHUB*20261120*0900*201*X*004010~
                ST*210*0001~
                B3**%s*%s*PP**20261120*1450**20261118*035*SBXC~
                C3*EUR~
                L1*1*12.50*FR*1200****400~
                L1*2***250****FUE~
                SE*6*0001~
                GE*1*201~
                IEA*1*000000201~
                """.formatted("X12-" + byPro.picking().pickingId(), byPro.tracking());

        finance().contentType("application/edi-x12").body(x12.getBytes(StandardCharsets.US_ASCII)).post("/invoices?carrier=sandbox").then().statusCode(201)
                .body("reconciliation.lines", equalTo(1)).body("reconciliation.discrepancies", equalTo(1));
        String x12Id = finance().get("/invoices?carrier=sandbox&invoiceNumber=X12-" + byPro.picking().pickingId())
                .then().extract().path("id");
        finance().get("/invoices/" + x12Id + "/report").then().statusCode(200)
                .body("invoice.sourceFormat", equalTo("X12_210"))
                .body("lines[0].kind", equalTo("SURCHARGE")).body("lines[0].surcharges", equalTo("FUEL=2.50"));

        Labeled uploaded = label("8.00", null, "acme");
        awaitFacts(List.of(uploaded), null, null);
        String json = """
                {"carrier": "sandbox", "invoiceNumber": "JSON-%d", "invoiceDate": "2026-11-20", "currency": "EUR",
                 "charges": [{"trackingNumber": "%s", "charge": "Freight", "amount": 8.00}]}
                """.formatted(uploaded.picking().pickingId(), uploaded.tracking());
        finance().contentType("application/json").body(json).post("/invoices").then().statusCode(201)
                .body("reconciliation.discrepancies", equalTo(0));
        finance().contentType("application/json").body("{\"carrier\": \"sandbox\", \"invoiceNumber\": \"J\", \"charges\": []}")
                .post("/invoices").then().statusCode(422).body("detail", containsString("has no charges"));
    }

    @Test
    void droppedFilesAreImportedAndMovedAndAMalformedOneIsSetAsideWithItsError(@TempDir Path drop) throws IOException {
        Labeled shipment = label("20.00", null, "acme");
        awaitFacts(List.of(shipment), null, null);
        String good = "DROP-" + PICKINGS.incrementAndGet();
        Path carrier = Files.createDirectories(drop.resolve("sandbox"));
        Files.writeString(carrier.resolve("good.csv"), HEADER + row(good, shipment, "", "Freight", "20.00"));
        Files.writeString(carrier.resolve("bad.csv"), HEADER + "DROP-BAD,2026-11-20,T1,,,,,,Freight,,EUR\n");
        Files.writeString(carrier.resolve("coming.csv.part"), HEADER);

        assertThat(dropFolder.scan(drop)).isEqualTo(2);

        assertThat(drop.resolve("processed/sandbox/good.csv")).exists();
        assertThat(drop.resolve("failed/sandbox/bad.csv")).exists();
        assertThat(drop.resolve("failed/sandbox/bad.csv.error.txt")).content()
                .isEqualTo("Nothing was imported from bad.csv: line 2: no amount in 'amount'\n");
        assertThat(carrier.resolve("coming.csv.part")).as("still being written").exists();
        finance().get("/invoices?carrier=sandbox&invoiceNumber=" + good).then().statusCode(200)
                .body("chargeCount", equalTo(1));
        finance().get("/invoices?carrier=sandbox&invoiceNumber=DROP-BAD").then().statusCode(404);

        Files.writeString(carrier.resolve("again.csv"), HEADER + row(good, shipment, "", "Freight", "20.00"));
        assertThat(dropFolder.scan(drop)).as("imported before: taken out, nothing changes").isEqualTo(1);
        assertThat(count("select count(*) from invoice where invoice_number = $1", good)).isEqualTo(1);
    }

    @Test
    void invoicesNeedTheFinanceRole() {
        given().get("/invoices?carrier=sandbox&invoiceNumber=x").then().statusCode(401);
        given().auth().oauth2(OperatorTokens.token("ops@carrierhub.test", Set.of("operator"), null))
                .get("/invoices?carrier=sandbox&invoiceNumber=x").then().statusCode(403);
        finance().contentType("text/csv").body(HEADER).post("/invoices").then().statusCode(400)
                .body("type", endsWith("/missing-carrier"));
        byte[] tooLarge = new byte[1024 * 1024 + 1];
        java.util.Arrays.fill(tooLarge, (byte) 'x');
        finance().contentType("text/csv").body(tooLarge).post("/invoices?carrier=sandbox").then().statusCode(413)
                .contentType("application/problem+json").body("type", endsWith("/invoice-too-large"));
    }

    private record Labeled(String shipmentId, OdooPickingRef picking, String tracking) {
    }

    private Labeled label(String booked, String quoted, String tenant) {
        return label(booked, quoted, tenant, null);
    }

    private Labeled label(String booked, String quoted, String tenant, String trackingNumber) {
        long pickingId = PICKINGS.incrementAndGet();
        String shipmentId = ShipmentIds.forPicking(tenant, pickingId);
        OdooPickingRef picking = new OdooPickingRef(tenant, pickingId, "WH/OUT/" + pickingId, "S" + pickingId);
        String tracking = trackingNumber != null ? trackingNumber : "SBX1" + pickingId;
        kafka.send(new ShipmentLabeled(shipmentId, picking, "sandbox", "SBX_STANDARD", "sbx_" + pickingId, tracking,
                Money.of(booked, "EUR"), quoted == null ? null : Money.of(quoted, "EUR"), List.of(), Instant.now()));
        return new Labeled(shipmentId, picking, tracking);
    }

    private void declare(Labeled labeled, String kilograms) {
        Shipment shipment = TestShipments.domestic();
        Shipment declared = new Shipment(labeled.shipmentId(), labeled.picking(), shipment.shipFrom(), shipment.shipTo(),
                List.of(new Parcel("P1", new Weight(new BigDecimal(kilograms), WeightUnit.KG), null, "box")),
                shipment.declaredValue(), ServiceLevel.STANDARD, List.of(), false, null);
        Quote quote = new Quote("q1", "sandbox", "SBX_STANDARD", ServiceLevel.STANDARD, Money.of("20.00", "EUR"), 2);
        kafka.send(new ShipmentRated(declared, quote, List.of(), "cheapest: test", Instant.now(), Instant.now()));
    }

    private void awaitFacts(List<Labeled> labeled, Labeled declared, Labeled voided) {
        await().atMost(WAIT).untilAsserted(() -> {
            for (Labeled shipment : labeled) {
                assertThat(count("select count(*) from expected_cost where shipment_id = $1", shipment.shipmentId()))
                        .as("expected cost of " + shipment.shipmentId()).isEqualTo(1);
            }
            if (declared != null) {
                assertThat(count("select count(*) from shipment_declaration where shipment_id = $1",
                        declared.shipmentId())).isEqualTo(1);
            }
            if (voided != null) {
                assertThat(count("select count(*) from voided_shipment where shipment_id = $1", voided.shipmentId()))
                        .isEqualTo(1);
            }
        });
    }

    private static String row(String invoice, Labeled shipment, String weightKg, String charge, String amount) {
        return invoice + "," + LocalDate.now() + "," + shipment.tracking() + ",," + LocalDate.now() + ",,"
                + weightKg + "," + (weightKg.isEmpty() ? "" : "KG") + "," + charge + "," + amount + ",EUR\n";
    }

    private List<BillingDiscrepancy> discrepancies(Labeled shipment) {
        return kafka.records(Topics.BILLING_DISCREPANCY, shipment.shipmentId()).stream()
                .map(record -> KafkaProbe.payload(record, BillingDiscrepancy.class)).toList();
    }

    private long count(String sql, Object... params) {
        return database.preparedQuery(sql).execute(Tuple.from(params)).await().atMost(Duration.ofSeconds(10))
                .iterator().next().getLong(0);
    }

    private static RequestSpecification finance() {
        return given().auth().oauth2(OperatorTokens.token("finance@carrierhub.test", Set.of("finance"), null));
    }
}
