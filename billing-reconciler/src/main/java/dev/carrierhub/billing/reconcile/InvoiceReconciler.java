package dev.carrierhub.billing.reconcile;

import dev.carrierhub.billing.config.BillingConfig;
import dev.carrierhub.contracts.events.BillingDiscrepancy;
import dev.carrierhub.contracts.events.DiscrepancyKind;
import dev.carrierhub.contracts.shipment.OdooPickingRef;
import dev.carrierhub.core.outbox.JdbcOutbox;
import dev.carrierhub.core.outbox.Outbox;
import dev.carrierhub.core.outbox.OutboxRelay;
import dev.carrierhub.core.tracing.TraceContext;
import dev.carrierhub.billing.service.Amounts;
import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Reconciles invoice lines in one transaction: each line is matched to a shipment, classified by
 * {@link LineClassifier}, and its verdict stored in {@code reconciliation_line} (replacing the last run's). A
 * discrepancy on a matched shipment becomes a {@code billing.discrepancy} event, unless the last run already
 * reached the same verdict, so a re-run announces only what changed. Lines are streamed from the database
 * with a cursor, never all held at once.
 *
 * <p>Matching: by the carrier's tracking number, else by the line's reference against the picking name, its
 * source document or the shipment id; and only a shipment labeled within {@code match-window} of the line's
 * ship date (when the line has one). A tracking-number match is preferred, then the latest label.
 */
@ApplicationScoped
public class InvoiceReconciler {
    private static final int FETCH = 1_000;
    private static final String LINES = """
            with g as (
                select c.invoice_id, c.line_key, min(c.source_line) as first_line,
                       max(c.tracking_number) as tracking_number, max(c.reference) as reference,
                       min(c.ship_date) as ship_date, max(c.service_code) as service_code,
                       max(c.billed_weight_kg) as billed_weight_kg, sum(c.amount) as billed,
                       min(c.currency) as currency, count(distinct c.currency) as currencies,
                       count(*) filter (where c.charge_type = 'BASE') as base_charges,
                       string_agg(c.charge_type || '=' || c.amount::text, ',' order by c.source_line) as charges
                  from invoice_charge c
                  join invoice i0 on i0.id = c.invoice_id
                 where %s
                 group by c.invoice_id, c.line_key)
            select g.*, i.carrier, i.invoice_number, i.invoice_date,
                   e.shipment_id, e.tenant, e.picking_id, e.picking_name, e.picking_origin,
                   e.service_code as booked_service, e.booked_amount, e.booked_currency, e.quoted_amount,
                   e.quoted_currency, e.labeled_at, v.voided_at, d.declared_weight_kg,
                   (select min(i2.invoice_number) from invoice_charge c2 join invoice i2 on i2.id = c2.invoice_id
                     where c2.line_key = g.line_key and i2.carrier = i.carrier and i2.seq < i.seq) as billed_before,
                   r.kind as previous_kind, r.variance as previous_variance
              from g
              join invoice i on i.id = g.invoice_id
              left join lateral (
                  select * from expected_cost e
                   where e.carrier = i.carrier
                     and (e.tracking_number = g.tracking_number or e.picking_name = g.reference
                          or e.picking_origin = g.reference or e.shipment_id = g.reference)
                     and (g.ship_date is null
                          or (e.labeled_at >= g.ship_date - ?::int and e.labeled_at < g.ship_date + ?::int + 1))
                   order by (e.tracking_number = g.tracking_number) desc, e.labeled_at desc
                   limit 1) e on true
              left join voided_shipment v on v.shipment_id = e.shipment_id
              left join shipment_declaration d on d.shipment_id = e.shipment_id
              left join reconciliation_line r on r.invoice_id = g.invoice_id and r.line_key = g.line_key
             order by i.seq, g.first_line""";
    private static final String SAVE = """
            insert into reconciliation_line (invoice_id, line_key, first_line, tracking_number, reference, shipment_id,
                kind, surcharges, currency, billed_amount, booked_amount, booked_currency, quoted_amount,
                quoted_currency, variance, detail)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            on conflict (invoice_id, line_key) do update set first_line = excluded.first_line,
                tracking_number = excluded.tracking_number, reference = excluded.reference,
                shipment_id = excluded.shipment_id, kind = excluded.kind, surcharges = excluded.surcharges,
                currency = excluded.currency, billed_amount = excluded.billed_amount,
                booked_amount = excluded.booked_amount, booked_currency = excluded.booked_currency,
                quoted_amount = excluded.quoted_amount, quoted_currency = excluded.quoted_currency,
                variance = excluded.variance, detail = excluded.detail""";
    private static final String MARK_RECONCILED = "update invoice i0 set reconciled_at = ? where %s";

    private final AgroalDataSource database;
    private final LineClassifier classifier;
    private final Outbox outbox;
    private final OutboxRelay relay;
    private final MeterRegistry meters;
    private final int windowDays;

    public InvoiceReconciler(AgroalDataSource database, BillingConfig config, Outbox outbox, OutboxRelay relay,
            MeterRegistry meters) {
        this.database = database;
        this.classifier = new LineClassifier(new Tolerances(config)::of);
        this.outbox = outbox;
        this.relay = relay;
        this.meters = meters;
        this.windowDays = Math.toIntExact(config.matchWindow().toDays());
    }

    /** Reconciles every invoice one import brought in. */
    public ReconciliationRun reconcileImport(UUID importId) {
        return reconcile("i0.import_id = ?", importId);
    }

    /** Reconciles one invoice again: with the same data, the same report, byte for byte. */
    public ReconciliationRun reconcileInvoice(UUID invoiceId) {
        return reconcile("i0.id = ?", invoiceId);
    }

    private ReconciliationRun reconcile(String scope, UUID id) {
        Tally tally = new Tally();
        try (Connection connection = database.getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement lines = connection.prepareStatement(LINES.formatted(scope));
                    PreparedStatement save = connection.prepareStatement(SAVE);
                    JdbcOutbox events = new JdbcOutbox(connection, FETCH)) {
                lines.setObject(1, id);
                lines.setInt(2, windowDays);
                lines.setInt(3, windowDays);
                lines.setFetchSize(FETCH);
                int pending = 0;
                try (ResultSet rows = lines.executeQuery()) {
                    while (rows.next()) {
                        reconcileLine(rows, save, events, tally);
                        if (++pending >= FETCH) {
                            save.executeBatch();
                            pending = 0;
                        }
                    }
                }
                save.executeBatch();
                events.flush();
                try (PreparedStatement mark = connection.prepareStatement(MARK_RECONCILED.formatted(scope))) {
                    mark.setTimestamp(1, Timestamp.from(Instant.now()));
                    mark.setObject(2, id);
                    mark.executeUpdate();
                }
                connection.commit();
                tally.published = events.written();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not reconcile: " + e.getMessage(), e);
        }
        // Counted once committed, so a rolled-back run leaves the metrics as they were.
        tally.record(meters);
        if (tally.published > 0) {
            relay.nudge();
        }
        return new ReconciliationRun(tally.lines, tally.discrepancies, tally.published);
    }

    private void reconcileLine(ResultSet row, PreparedStatement save, JdbcOutbox events, Tally tally)
            throws SQLException {
        InvoiceLine line = line(row);
        ShipmentFacts shipment = shipment(row);
        Verdict verdict = classifier.classify(line, shipment);
        UUID invoiceId = row.getObject("invoice_id", UUID.class);
        save.setObject(1, invoiceId);
        save.setString(2, line.lineKey());
        save.setInt(3, line.firstLine());
        save.setString(4, line.trackingNumber());
        save.setString(5, line.reference());
        save.setString(6, shipment == null ? null : shipment.shipmentId());
        save.setString(7, verdict.kind().name());
        save.setString(8, verdict.surcharges().isEmpty() ? null : verdict.surcharges());
        save.setString(9, line.currency());
        save.setBigDecimal(10, line.billed());
        save.setBigDecimal(11, shipment == null ? null : shipment.bookedAmount());
        save.setString(12, shipment == null ? null : shipment.bookedCurrency());
        save.setBigDecimal(13, shipment == null ? null : shipment.quotedAmount());
        save.setString(14, shipment == null ? null : shipment.quotedCurrency());
        save.setBigDecimal(15, verdict.variance());
        save.setString(16, verdict.detail());
        save.addBatch();
        tally.count(line, verdict);
        boolean unchanged = verdict.kind().name().equals(row.getString("previous_kind"))
                && sameAmount(verdict.variance(), row.getBigDecimal("previous_variance"));
        if (verdict.discrepancy() && shipment != null && !unchanged) {
            events.append(outbox.toRow(event(line, shipment, verdict), TraceContext.current()));
        }
    }

    private static BillingDiscrepancy event(InvoiceLine line, ShipmentFacts shipment, Verdict verdict) {
        OdooPickingRef picking = new OdooPickingRef(shipment.tenant(), shipment.pickingId(), shipment.pickingName(),
                shipment.pickingOrigin());
        return new BillingDiscrepancy(shipment.shipmentId(), picking, line.carrier(), line.invoiceNumber(),
                line.trackingNumber(), verdict.kind(), Amounts.money(shipment.bookedAmount(), shipment.bookedCurrency()),
                Amounts.money(line.billed(), line.currency()),
                verdict.variance() == null ? null : Amounts.money(verdict.variance(), line.currency()),
                verdict.detail(), Instant.now());
    }

    private static InvoiceLine line(ResultSet row) throws SQLException {
        List<InvoiceLine.Charge> charges = new ArrayList<>();
        for (String charge : row.getString("charges").split(",")) {
            int equals = charge.indexOf('=');
            charges.add(new InvoiceLine.Charge(charge.substring(0, equals), new BigDecimal(charge.substring(equals + 1))));
        }
        Date invoiceDate = row.getDate("invoice_date");
        return new InvoiceLine(row.getString("carrier"), row.getString("invoice_number"),
                invoiceDate == null ? null : invoiceDate.toLocalDate(), row.getString("line_key"),
                row.getInt("first_line"), row.getString("tracking_number"), row.getString("reference"),
                row.getString("service_code"), row.getBigDecimal("billed_weight_kg"), row.getBigDecimal("billed"),
                row.getString("currency").trim(), row.getInt("currencies"), List.copyOf(charges),
                row.getInt("base_charges"), row.getString("billed_before"));
    }

    private static ShipmentFacts shipment(ResultSet row) throws SQLException {
        String shipmentId = row.getString("shipment_id");
        if (shipmentId == null) {
            return null;
        }
        Timestamp voided = row.getTimestamp("voided_at");
        return new ShipmentFacts(shipmentId, row.getString("tenant"), row.getLong("picking_id"),
                row.getString("picking_name"), row.getString("picking_origin"), row.getString("booked_service"),
                row.getBigDecimal("booked_amount"), trim(row.getString("booked_currency")),
                row.getBigDecimal("quoted_amount"), trim(row.getString("quoted_currency")),
                row.getTimestamp("labeled_at").toInstant(), row.getBigDecimal("declared_weight_kg"),
                voided == null ? null : voided.toInstant());
    }

    private static String trim(String currency) {
        return currency == null ? null : currency.trim();
    }

    private static boolean sameAmount(BigDecimal a, BigDecimal b) {
        return a == null ? b == null : b != null && a.compareTo(b) == 0;
    }

    /** Counts and variances of one run, by carrier and reason, turned into metrics once the run committed. */
    private static final class Tally {
        private final Map<List<String>, Long> verdicts = new HashMap<>();
        /** Absolute variances per carrier, reason and currency: eight bytes a line, the lines themselves are gone. */
        private final Map<List<String>, double[]> variances = new HashMap<>();
        private final Map<List<String>, Integer> varianceCounts = new HashMap<>();
        long lines;
        long discrepancies;
        long published;

        void count(InvoiceLine line, Verdict verdict) {
            lines++;
            if (verdict.discrepancy()) {
                discrepancies++;
            }
            verdicts.merge(List.of(line.carrier(), reason(verdict.kind())), 1L, Long::sum);
            if (verdict.variance() != null) {
                List<String> key = List.of(line.carrier(), reason(verdict.kind()), line.currency());
                int n = varianceCounts.merge(key, 1, Integer::sum);
                double[] samples = variances.computeIfAbsent(key, k -> new double[64]);
                if (n > samples.length) {
                    samples = java.util.Arrays.copyOf(samples, samples.length * 2);
                    variances.put(key, samples);
                }
                samples[n - 1] = verdict.variance().abs().doubleValue();
            }
        }

        void record(MeterRegistry meters) {
            verdicts.forEach((key, count) -> meters.counter("carrierhub.billing.discrepancies",
                    "carrier", key.get(0), "reason", key.get(1)).increment(count));
            variances.forEach((key, samples) -> {
                // A metric only: amounts themselves stay exact decimals everywhere else.
                DistributionSummary summary = DistributionSummary.builder("carrierhub.billing.variance.amount")
                        .description("Absolute difference between billed and booked amount of an invoice line")
                        .tags("carrier", key.get(0), "reason", key.get(1), "currency", key.get(2))
                        .register(meters);
                for (int i = 0; i < varianceCounts.get(key); i++) {
                    summary.record(samples[i]);
                }
            });
        }

        private static String reason(DiscrepancyKind kind) {
            return kind.name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }
}
