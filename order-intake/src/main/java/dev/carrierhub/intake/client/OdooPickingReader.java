package dev.carrierhub.intake.client;

import static dev.carrierhub.intake.client.OdooValues.decimal;
import static dev.carrierhub.intake.client.OdooValues.manyToOneId;
import static dev.carrierhub.intake.client.OdooValues.manyToOneName;
import static dev.carrierhub.intake.client.OdooValues.text;

import dev.carrierhub.odoo.client.OdooRecord;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads what a shipment needs from Odoo: the picking, the ship-to partner, the warehouse and its address
 * (ship-from), the company currency, the sale order's value and the product lines (for customs). A picking that reads as empty is not
 * committed yet (Odoo sends its webhook before the commit): the caller retries later.
 */
@ApplicationScoped
public class OdooPickingReader {
    private static final List<String> PICKING_FIELDS = List.of("id", "name", "origin", "state", "partner_id",
            "carrier_id", "picking_type_id", "picking_type_code", "scheduled_date", "weight", "shipping_weight",
            "sale_id", "company_id", "location_id", "location_dest_id", "move_ids", "package_level_ids",
            "carrier_tracking_ref", "carrier_price", "note", "priority", "backorder_id");
    private static final List<String> MOVE_FIELDS = List.of("product_id", "product_uom_qty", "quantity", "product_uom");
    private static final List<String> PRODUCT_FIELDS = List.of("default_code", "name", "weight", "hs_code",
            "country_of_origin", "list_price");
    private static final List<String> PARTNER_FIELDS = List.of("name", "street", "street2", "city", "zip",
            "state_id", "country_id", "phone", "email", "is_company", "parent_id", "commercial_partner_id", "type");

    private final TenantOdoo odoo;

    public OdooPickingReader(TenantOdoo odoo) {
        this.odoo = odoo;
    }

    /** The picking and everything around it; empty while Odoo shows no such picking. */
    public Uni<Optional<PickingSnapshot>> read(String tenant, long pickingId) {
        return header(tenant, pickingId).chain(header -> header.isEmpty()
                ? Uni.createFrom().item(Optional.<PickingSnapshot>empty())
                : snapshot(tenant, header.get()).map(Optional::of));
    }

    /** The picking record alone; empty while Odoo shows no such picking (deleted, or not committed yet). */
    public Uni<Optional<PickingHeader>> header(String tenant, long pickingId) {
        return read(tenant, "stock.picking", List.of(pickingId), PICKING_FIELDS)
                .map(result -> result.isEmpty() ? Optional.empty() : Optional.of(PickingHeader.of(result.get(0))));
    }

    /** Reads what the shipment needs around a picking already read: addresses, warehouse, currency, value, lines. */
    public Uni<PickingSnapshot> snapshot(String tenant, PickingHeader header) {
        OdooRecord picking = header.record();
        Uni<PartnerAddress> shipTo = address(tenant, manyToOneId(picking, "partner_id"));
        // Read once, used twice: for the mapping key and for the ship-from address.
        Uni<Warehouse> warehouse = warehouse(tenant, manyToOneId(picking, "picking_type_id")).memoize().indefinitely();
        Uni<PartnerAddress> shipFrom = warehouse.chain(wh -> address(tenant, wh.partnerId()));
        Uni<String> currency = companyCurrency(tenant, manyToOneId(picking, "company_id"));
        Uni<BigDecimal> declaredValue = saleValue(tenant, manyToOneId(picking, "sale_id"));
        Uni<List<PickingLine>> lines = lines(tenant, ids(picking, "move_ids"));
        return Uni.combine().all().unis(shipTo, warehouse, shipFrom, currency, declaredValue, lines)
                .with((to, wh, from, cur, value, moves) -> new PickingSnapshot(
                        picking.id(),
                        text(picking, "name"),
                        text(picking, "origin"),
                        text(picking, "state"),
                        firstPresent(decimal(picking, "shipping_weight"), decimal(picking, "weight")),
                        to,
                        from,
                        cur,
                        value,
                        manyToOneName(picking, "carrier_id"),
                        manyToOneId(picking, "carrier_id"),
                        wh.id(),
                        moves));
    }

    /** The picking type's warehouse and that warehouse's address partner; either may be unknown (null). */
    private Uni<Warehouse> warehouse(String tenant, Long pickingTypeId) {
        if (pickingTypeId == null) {
            return Uni.createFrom().item(Warehouse.NONE);
        }
        return read(tenant, "stock.picking.type", List.of(pickingTypeId), List.of("name", "code", "warehouse_id"))
                .map(types -> types.isEmpty() ? null : manyToOneId(types.get(0), "warehouse_id"))
                .chain(warehouseId -> warehouseId == null ? Uni.createFrom().item(Warehouse.NONE)
                        : read(tenant, "stock.warehouse", List.of(warehouseId),
                                        List.of("name", "code", "partner_id", "company_id"))
                                .map(whs -> new Warehouse(warehouseId,
                                        whs.isEmpty() ? null : manyToOneId(whs.get(0), "partner_id"))));
    }

    /** The picking's stock moves with their products: sku, name, HS code, origin, weight and price. */
    private Uni<List<PickingLine>> lines(String tenant, List<Long> moveIds) {
        if (moveIds.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return read(tenant, "stock.move", moveIds, MOVE_FIELDS).chain(moves -> {
            List<Long> productIds = new ArrayList<>(new LinkedHashSet<>(idsOf(moves, "product_id")));
            if (productIds.isEmpty()) {
                return Uni.createFrom().item(List.<PickingLine>of());
            }
            return read(tenant, "product.product", productIds, PRODUCT_FIELDS).chain(products -> {
                Map<Long, OdooRecord> byId = new HashMap<>();
                products.forEach(product -> byId.put(product.id(), product));
                List<Long> countryIds = new ArrayList<>(new LinkedHashSet<>(idsOf(products, "country_of_origin")));
                return countryCodes(tenant, countryIds).map(countries -> {
                    List<PickingLine> lines = new ArrayList<>();
                    for (OdooRecord move : moves) {
                        OdooRecord product = byId.get(manyToOneId(move, "product_id"));
                        lines.add(line(move, product, countries));
                    }
                    return lines;
                });
            });
        });
    }

    private static PickingLine line(OdooRecord move, OdooRecord product, Map<Long, String> countries) {
        BigDecimal reserved = decimal(move, "quantity");
        BigDecimal quantity = reserved != null && reserved.signum() > 0 ? reserved : decimal(move, "product_uom_qty");
        if (product == null) {
            // The product could not be read: its display name on the move is all there is.
            return new PickingLine(null, manyToOneName(move, "product_id"), null, null, quantity, null, null);
        }
        return new PickingLine(
                text(product, "default_code"),
                text(product, "name"),
                text(product, "hs_code"),
                countryCode(countries, manyToOneId(product, "country_of_origin")),
                quantity,
                decimal(product, "weight"),
                decimal(product, "list_price"));
    }

    private static String countryCode(Map<Long, String> countries, Long countryId) {
        return countryId == null ? null : countries.get(countryId);
    }

    private Uni<Map<Long, String>> countryCodes(String tenant, List<Long> countryIds) {
        if (countryIds.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return read(tenant, "res.country", countryIds, List.of("code", "name")).map(rows -> {
            Map<Long, String> codes = new HashMap<>();
            rows.forEach(row -> codes.put(row.id(), text(row, "code")));
            return codes;
        });
    }

    private static List<Long> ids(OdooRecord record, String field) {
        return record.ids(field);
    }

    private static List<Long> idsOf(List<OdooRecord> records, String manyToOneField) {
        List<Long> ids = new ArrayList<>();
        for (OdooRecord record : records) {
            Long id = manyToOneId(record, manyToOneField);
            if (id != null) {
                ids.add(id);
            }
        }
        return ids;
    }

    private Uni<PartnerAddress> address(String tenant, Long partnerId) {
        if (partnerId == null) {
            return Uni.createFrom().nullItem();
        }
        return read(tenant, "res.partner", List.of(partnerId), PARTNER_FIELDS).chain(partners -> {
            if (partners.isEmpty()) {
                return Uni.createFrom().nullItem();
            }
            OdooRecord partner = partners.get(0);
            Uni<String> state = code(tenant, "res.country.state", manyToOneId(partner, "state_id"),
                    List.of("code", "name", "country_id"));
            Uni<String> country = code(tenant, "res.country", manyToOneId(partner, "country_id"), List.of("code", "name"));
            return Uni.combine().all().unis(state, country).with((stateCode, countryCode) -> new PartnerAddress(
                    text(partner, "name"),
                    partner.bool("is_company") ? text(partner, "name") : manyToOneName(partner, "parent_id"),
                    text(partner, "street"),
                    text(partner, "street2"),
                    text(partner, "city"),
                    text(partner, "zip"),
                    stateCode,
                    countryCode,
                    text(partner, "phone"),
                    text(partner, "email"),
                    partner.bool("is_company")));
        });
    }

    private Uni<String> code(String tenant, String model, Long id, List<String> fields) {
        if (id == null) {
            return Uni.createFrom().nullItem();
        }
        return read(tenant, model, List.of(id), fields)
                .map(rows -> rows.isEmpty() ? null : text(rows.get(0), "code"));
    }

    private Uni<String> companyCurrency(String tenant, Long companyId) {
        if (companyId == null) {
            return Uni.createFrom().nullItem();
        }
        return read(tenant, "res.company", List.of(companyId), List.of("name", "currency_id", "partner_id"))
                .map(rows -> rows.isEmpty() ? null : manyToOneName(rows.get(0), "currency_id"));
    }

    private Uni<BigDecimal> saleValue(String tenant, Long saleId) {
        if (saleId == null) {
            return Uni.createFrom().nullItem();
        }
        return read(tenant, "sale.order", List.of(saleId), List.of("name", "client_order_ref", "amount_untaxed",
                        "amount_total", "currency_id", "partner_id", "partner_shipping_id"))
                .map(rows -> rows.isEmpty() ? null : decimal(rows.get(0), "amount_untaxed"));
    }

    private static BigDecimal firstPresent(BigDecimal first, BigDecimal second) {
        return first != null ? first : second;
    }

    /** {@code read} of some ids; a record that does not exist (or is not committed yet) is simply absent. */
    private Uni<List<OdooRecord>> read(String tenant, String model, List<Long> ids, List<String> fields) {
        // Deferred: an unknown tenant fails the Uni (and is retried like any failed read) instead of throwing.
        return Uni.createFrom().deferred(() -> odoo.client(tenant).read(model, ids, fields));
    }

    /** A warehouse id and its address partner id, each null when Odoo has none. */
    private record Warehouse(Long id, Long partnerId) {
        static final Warehouse NONE = new Warehouse(null, null);
    }
}
