package dev.carrierhub.intake.client;

import dev.carrierhub.odoo.client.OdooClient;
import dev.carrierhub.odoo.client.OdooDateTimes;
import dev.carrierhub.odoo.client.OdooRecord;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Asks a tenant's Odoo for the outgoing pickings changed since a point in time that either wait for a
 * shipment (a ready state, a carrier, no tracking reference yet) or were cancelled. Pages by
 * {@code (write_date, id)} rather than by offset, so a picking that changes while the sweep pages
 * cannot shift another out of sight.
 */
@ApplicationScoped
public class ChangedPickingsQuery {
    static final List<String> FIELDS = List.of("id", "name", "state", "carrier_id", "carrier_tracking_ref",
            "picking_type_code", "write_date");
    private static final String ORDER = "write_date asc, id asc";

    private final TenantOdoo odoo;

    public ChangedPickingsQuery(TenantOdoo odoo) {
        this.odoo = odoo;
    }

    public Uni<List<ChangedPicking>> changedSince(String tenant, Instant since, List<String> readyStates, int pageSize) {
        return Uni.createFrom().deferred(() -> {
            OdooClient client = odoo.client(tenant);
            List<ChangedPicking> found = new ArrayList<>();
            return page(client, since, readyStates, pageSize, null, found).replaceWith(found);
        });
    }

    private Uni<Void> page(OdooClient client, Instant since, List<String> readyStates, int pageSize,
            ChangedPicking after, List<ChangedPicking> found) {
        return client.searchRead("stock.picking", domain(since, readyStates, after), FIELDS, 0, pageSize, ORDER)
                .chain(rows -> {
                    rows.forEach(row -> found.add(changed(row)));
                    ChangedPicking last = found.isEmpty() ? null : found.get(found.size() - 1);
                    if (rows.size() < pageSize || last.writeDate() == null) {
                        return Uni.createFrom().voidItem();
                    }
                    return page(client, since, readyStates, pageSize, last, found);
                });
    }

    /**
     * Outgoing, changed since {@code since}, and either (ready with a carrier and no tracking reference) or
     * cancelled; after the first page, only rows after the last one seen in {@code (write_date, id)} order.
     */
    static List<Object> domain(Instant since, List<String> readyStates, ChangedPicking after) {
        List<Object> domain = new ArrayList<>(List.of(
                List.of("picking_type_code", "=", "outgoing"),
                List.of("write_date", ">=", OdooDateTimes.format(since)),
                "|",
                "&", List.of("state", "=", "cancel"), List.of("carrier_id", "!=", false),
                "&", "&", List.of("state", "in", readyStates), List.of("carrier_id", "!=", false),
                List.of("carrier_tracking_ref", "=", false)));
        if (after != null) {
            String afterDate = OdooDateTimes.format(after.writeDate());
            domain.addAll(List.of("|", List.of("write_date", ">", afterDate),
                    "&", List.of("write_date", "=", afterDate), List.of("id", ">", after.pickingId())));
        }
        return domain;
    }

    private static ChangedPicking changed(OdooRecord row) {
        return new ChangedPicking(row.id(), row.text("name").orElse(null), row.text("state").orElse(null),
                row.dateTime("write_date").orElse(null), row.raw());
    }
}
