package dev.carrierhub.intake.client;

import static dev.carrierhub.intake.client.OdooValues.decimal;
import static dev.carrierhub.intake.client.OdooValues.manyToOneId;
import static dev.carrierhub.intake.client.OdooValues.manyToOneName;
import static dev.carrierhub.intake.client.OdooValues.text;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * Reads what a shipment needs from Odoo: the picking, the ship-to partner, the warehouse's address
 * (ship-from), the company currency and the sale order's value. A picking that reads as empty is not
 * committed yet (Odoo sends its webhook before the commit): the caller retries later.
 */
@ApplicationScoped
public class OdooPickingReader {
    private static final List<String> PICKING_FIELDS = List.of("id", "name", "origin", "state", "partner_id",
            "carrier_id", "picking_type_id", "picking_type_code", "scheduled_date", "weight", "shipping_weight",
            "sale_id", "company_id", "location_id", "location_dest_id", "move_ids", "package_level_ids",
            "carrier_tracking_ref", "carrier_price", "note", "priority");
    private static final List<String> PARTNER_FIELDS = List.of("name", "street", "street2", "city", "zip",
            "state_id", "country_id", "phone", "email", "is_company", "parent_id", "commercial_partner_id", "type");

    private final OdooJsonRpcClient odoo;

    public OdooPickingReader(OdooJsonRpcClient odoo) {
        this.odoo = odoo;
    }

    public Uni<Optional<PickingSnapshot>> read(String tenant, long pickingId) {
        return odoo.read(tenant, "stock.picking", List.of(pickingId), PICKING_FIELDS).chain(result -> {
            if (!result.isArray() || result.isEmpty()) {
                return Uni.createFrom().item(Optional.<PickingSnapshot>empty());
            }
            return readAround(tenant, result.get(0)).map(Optional::of);
        });
    }

    private Uni<PickingSnapshot> readAround(String tenant, JsonNode picking) {
        Uni<PartnerAddress> shipTo = address(tenant, manyToOneId(picking, "partner_id"));
        Uni<PartnerAddress> shipFrom = warehousePartner(tenant, manyToOneId(picking, "picking_type_id"))
                .chain(partnerId -> address(tenant, partnerId));
        Uni<String> currency = companyCurrency(tenant, manyToOneId(picking, "company_id"));
        Uni<BigDecimal> declaredValue = saleValue(tenant, manyToOneId(picking, "sale_id"));
        return Uni.combine().all().unis(shipTo, shipFrom, currency, declaredValue).with((to, from, cur, value) ->
                new PickingSnapshot(
                        picking.path("id").asLong(),
                        text(picking, "name"),
                        text(picking, "origin"),
                        text(picking, "state"),
                        firstPresent(decimal(picking, "shipping_weight"), decimal(picking, "weight")),
                        to,
                        from,
                        cur,
                        value,
                        manyToOneName(picking, "carrier_id")));
    }

    private Uni<Long> warehousePartner(String tenant, Long pickingTypeId) {
        if (pickingTypeId == null) {
            return Uni.createFrom().nullItem();
        }
        return odoo.read(tenant, "stock.picking.type", List.of(pickingTypeId), List.of("name", "code", "warehouse_id"))
                .map(types -> types.isEmpty() ? null : manyToOneId(types.get(0), "warehouse_id"))
                .chain(warehouseId -> warehouseId == null ? Uni.createFrom().<Long>nullItem()
                        : odoo.read(tenant, "stock.warehouse", List.of(warehouseId),
                                        List.of("name", "code", "partner_id", "company_id"))
                                .map(whs -> whs.isEmpty() ? null : manyToOneId(whs.get(0), "partner_id")));
    }

    private Uni<PartnerAddress> address(String tenant, Long partnerId) {
        if (partnerId == null) {
            return Uni.createFrom().nullItem();
        }
        return odoo.read(tenant, "res.partner", List.of(partnerId), PARTNER_FIELDS).chain(partners -> {
            if (partners.isEmpty()) {
                return Uni.createFrom().nullItem();
            }
            JsonNode partner = partners.get(0);
            Uni<String> state = code(tenant, "res.country.state", manyToOneId(partner, "state_id"),
                    List.of("code", "name", "country_id"));
            Uni<String> country = code(tenant, "res.country", manyToOneId(partner, "country_id"), List.of("code", "name"));
            return Uni.combine().all().unis(state, country).with((stateCode, countryCode) -> new PartnerAddress(
                    text(partner, "name"),
                    partner.path("is_company").asBoolean() ? text(partner, "name") : manyToOneName(partner, "parent_id"),
                    text(partner, "street"),
                    text(partner, "street2"),
                    text(partner, "city"),
                    text(partner, "zip"),
                    stateCode,
                    countryCode,
                    text(partner, "phone"),
                    text(partner, "email"),
                    partner.path("is_company").asBoolean()));
        });
    }

    private Uni<String> code(String tenant, String model, Long id, List<String> fields) {
        if (id == null) {
            return Uni.createFrom().nullItem();
        }
        return odoo.read(tenant, model, List.of(id), fields)
                .map(rows -> rows.isEmpty() ? null : text(rows.get(0), "code"));
    }

    private Uni<String> companyCurrency(String tenant, Long companyId) {
        if (companyId == null) {
            return Uni.createFrom().nullItem();
        }
        return odoo.read(tenant, "res.company", List.of(companyId), List.of("name", "currency_id", "partner_id"))
                .map(rows -> rows.isEmpty() ? null : manyToOneName(rows.get(0), "currency_id"));
    }

    private Uni<BigDecimal> saleValue(String tenant, Long saleId) {
        if (saleId == null) {
            return Uni.createFrom().nullItem();
        }
        return odoo.read(tenant, "sale.order", List.of(saleId), List.of("name", "client_order_ref", "amount_untaxed",
                        "amount_total", "currency_id", "partner_id", "partner_shipping_id"))
                .map(rows -> rows.isEmpty() ? null : decimal(rows.get(0), "amount_untaxed"));
    }

    private static BigDecimal firstPresent(BigDecimal first, BigDecimal second) {
        return first != null ? first : second;
    }
}
