package dev.carrierhub.launcher;

import dev.carrierhub.devstack.Database;
import dev.carrierhub.devstack.DevStack;
import dev.carrierhub.devstack.DevStackConfig;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * Prints the figures docs/BENCHMARKS.md keeps for billing-reconciler: one CSV invoice of {@code lines} charges
 * (two per shipment: freight and fuel) dropped into the drop folder, imported and reconciled against as many
 * labeled shipments, with the time it took and the service's peak heap while it ran.
 *
 * <p>{@code ./mvnw -B -q -pl deploy/launcher exec:java -Dexec.mainClass=dev.carrierhub.launcher.BillingBenchmarkMain
 * -Dexec.args="1000000 256m"} (after a build): charges in the file, and the service's maximum heap.
 *
 * <p>The shipments the invoice is matched against are written straight into billing-reconciler's tables (as
 * {@code shipment.labeled}, {@code shipment.rated} and {@code shipment.voided} would have left them): this
 * measures the invoices, not the label events. Of every 1,000 shipments: 1 voided (billed after void), 10
 * re-weighed (weight adjustment), 20 unknown to Carrier Hub, 100 with a residential surcharge; the rest
 * within tolerance.
 */
public final class BillingBenchmarkMain {
    private static final String CARRIER = "sandbox";

    private BillingBenchmarkMain() {
    }

    public static void main(String[] args) throws Exception {
        int charges = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        String heap = args.length > 1 ? args[1] : "256m";
        int shipments = charges / 2;
        ProjectLayout layout = ProjectLayout.locate();
        Path workDir = layout.root().resolve("target/billing-benchmark-" + System.currentTimeMillis());
        Path drop = Files.createDirectories(workDir.resolve("drop"));
        try (DevStack stack = DevStack.start(DevStackConfig.fromEnvironment().withWorkDir(workDir.resolve("devstack")));
                OtlpTraceReceiver traces = OtlpTraceReceiver.start()) {
            TopicDefinitions.create(stack.bootstrapServers(), (short) 1);
            Map<String, String> config = PlatformSettings.of("billing-reconciler", stack, traces);
            config.put("carrierhub.billing.drop.folder", drop.toString());
            config.put("carrierhub.billing.drop.poll-interval", "1s");
            List<String> jvm = List.of("-Xmx" + heap, ServiceProcess.COMMON_POOL);
            try (ServiceProcess service = ServiceProcess.start("billing-reconciler", layout.runnerJar("billing-reconciler"),
                    LocalSuite.freePort(), config, workDir.resolve("logs"), jvm)) {
                service.awaitReady(Duration.ofMinutes(3));
                Database db = stack.database("billing-reconciler".replace('-', '_'));
                long seeding = System.nanoTime();
                seed(db, shipments);
                System.out.printf("seeded %,d labeled shipments in %.1f s%n", shipments, seconds(seeding));
                String invoice = "BENCH-" + System.currentTimeMillis();
                Path file = write(drop.resolve(CARRIER), invoice, shipments);
                System.out.printf("invoice file: %,d charges, %,d MB%n", charges, Files.size(file) / 1024 / 1024);
                run(service, db, file, invoice, charges, shipments, heap);
            }
        }
        System.exit(0);
    }

    private static void run(ServiceProcess service, Database db, Path written, String invoice, int charges,
            int shipments, String heap) throws IOException, SQLException, InterruptedException {
        Path dropped = written.resolveSibling(written.getFileName().toString().replace(".part", ""));
        Path processed = dropped.getParent().getParent().resolve("processed").resolve(CARRIER)
                .resolve(dropped.getFileName());
        Path failed = dropped.getParent().getParent().resolve("failed").resolve(CARRIER).resolve(dropped.getFileName());
        double peakHeap = 0;
        long peakRss = 0;
        long started = System.nanoTime();
        Files.move(written, dropped);
        while (!Files.exists(processed) && !Files.exists(failed)) {
            peakHeap = Math.max(peakHeap, PrometheusSamples.read(service.baseUri().resolve("/q/metrics"))
                    .sum("jvm_memory_used_bytes", "area=heap"));
            peakRss = Math.max(peakRss, service.residentKilobytes());
            Thread.sleep(250);
        }
        double elapsed = seconds(started);
        if (Files.exists(failed)) {
            throw new IllegalStateException("the invoice was refused: " + Files.readString(
                    failed.resolveSibling(failed.getFileName() + ".error.txt")));
        }
        System.out.printf("%n== one CSV invoice of %,d charges (%,d invoice lines), dropped to reconciled%n", charges,
                shipments);
        System.out.printf("time: %.1f s -> %,.0f charges/min, %,.0f invoice lines/min%n", elapsed,
                charges / elapsed * 60, shipments / elapsed * 60);
        System.out.printf("billing-reconciler: peak heap used %.0f MB of -Xmx%s (sampled every 250 ms), peak RSS %d MB%n",
                peakHeap / 1024 / 1024, heap, peakRss / 1024);
        try (Connection connection = DriverManager.getConnection(db.jdbcUrl(), db.username(), db.password());
                Statement statement = connection.createStatement()) {
            try (ResultSet rows = statement.executeQuery("select charge_count, extract(epoch from reconciled_at - imported_at)"
                    + " from invoice where invoice_number = '" + invoice + "'")) {
                rows.next();
                System.out.printf("stored: %,d charges; import start to reconciliation committed: %.1f s%n",
                        rows.getLong(1), rows.getDouble(2));
            }
            System.out.println("| kind | lines |");
            System.out.println("|---|---|");
            try (ResultSet rows = statement.executeQuery(
                    "select kind, count(*) from reconciliation_line group by kind order by kind")) {
                while (rows.next()) {
                    System.out.printf("| %s | %,d |%n", rows.getString(1), rows.getLong(2));
                }
            }
            try (ResultSet rows = statement.executeQuery(
                    "select count(*) from outbox_event where topic = 'billing.discrepancy'")) {
                rows.next();
                System.out.printf("billing.discrepancy events written: %,d%n", rows.getLong(1));
            }
        }
    }

    /** Labeled shipments {@code 1..n}, with a declaration for every hundredth and a void for every thousandth. */
    private static void seed(Database db, int shipments) throws SQLException {
        try (Connection connection = DriverManager.getConnection(db.jdbcUrl(), db.username(), db.password());
                Statement statement = connection.createStatement()) {
            statement.executeUpdate("""
                    insert into expected_cost (shipment_id, tenant, picking_id, picking_name, picking_origin, carrier,
                        service_code, carrier_shipment_id, tracking_number, quoted_amount, quoted_currency,
                        booked_amount, booked_currency, labeled_at, recorded_at)
                    select 'acme-' || g, 'acme', g, 'WH/OUT/' || g, 'S' || g, 'sandbox', 'SBX_STANDARD', 'sbx_' || g,
                           'SBXB' || g, 10.00 + g %% 7, 'EUR', 10.00 + g %% 7, 'EUR', now() - interval '2 days', now()
                      from generate_series(1, %d) g""".formatted(shipments));
            statement.executeUpdate("""
                    insert into shipment_declaration (shipment_id, declared_weight_kg, parcel_count, rated_at)
                    select 'acme-' || g, 1.0, 1, now() from generate_series(100, %d, 100) g""".formatted(shipments));
            statement.executeUpdate("""
                    insert into voided_shipment (shipment_id, voided_at)
                    select 'acme-' || g, now() from generate_series(1000, %d, 1000) g""".formatted(shipments));
            statement.execute("analyze");
        }
    }

    /** The invoice as a carrier's CSV export, written under a {@code .part} name until complete. */
    private static Path write(Path folder, String invoice, int shipments) throws IOException {
        Files.createDirectories(folder);
        Path file = folder.resolve(invoice + ".csv.part");
        String today = LocalDate.now().toString();
        try (BufferedWriter out = Files.newBufferedWriter(file)) {
            out.write("invoice_number,invoice_date,tracking_number,reference,ship_date,service,billed_weight,"
                    + "weight_unit,charge,amount,currency\n");
            for (int g = 1; g <= shipments; g++) {
                String tracking = g % 50 == 25 ? "UNKNOWN" + g : "SBXB" + g;
                String weight = g % 100 == 0 ? "2.0" : "";
                int booked = 1000 + (g % 7) * 100;
                int freight = g % 100 == 0 ? booked + 400 : booked - 50;
                int fuel = 50;
                out.write(line(invoice, today, tracking, weight, "Freight", freight));
                out.write(line(invoice, today, tracking, weight, g % 10 == 3 ? "Residential" : "Fuel",
                        g % 10 == 3 ? fuel + 300 : fuel));
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        return file;
    }

    private static String line(String invoice, String date, String tracking, String weight, String charge, int cents) {
        return invoice + "," + date + "," + tracking + ",," + date + ",SBX_STANDARD," + weight + ","
                + (weight.isEmpty() ? "" : "KG") + "," + charge + "," + cents / 100 + "." + String.format("%02d", cents % 100)
                + ",EUR\n";
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }
}
