package dev.carrierhub.odoo.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.carrierhub.odoo.recordings.RecordedOdoo;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Reads answered by {@link RecordedOdoo} parse the way a service needs them: many2one pairs, false, exact floats. */
class RecordedReadsTest extends ClientFixture {
    private static final List<String> PICKING_FIELDS = List.of("id", "name", "origin", "state", "partner_id",
            "carrier_id", "picking_type_id", "picking_type_code", "scheduled_date", "weight", "shipping_weight",
            "sale_id", "company_id", "location_id", "location_dest_id", "move_ids", "package_level_ids",
            "carrier_tracking_ref", "carrier_price", "note", "priority");
    private static RecordedOdoo recorded;

    @BeforeAll
    static void startRecordedOdoo() {
        recorded = new RecordedOdoo().start().replayReads("rpc/enrich-picking.json").replayReads("rpc/enrich-nonascii.json")
                .replayReads("rpc/enrich-packages.json");
    }

    @AfterAll
    static void stopRecordedOdoo() {
        recorded.close();
    }

    private OdooClient client() {
        return clients.client(OdooConnection.jsonRpc(recorded.url(), "odootest", 2L, "admin", TIMEOUT));
    }

    @Test
    void pickingReadHasMany2onePairsFalseValuesAndExactFloats() {
        List<OdooRecord> pickings = await(client().read("stock.picking", List.of(11L), PICKING_FIELDS));

        assertThat(pickings).hasSize(1);
        OdooRecord picking = pickings.get(0);
        assertThat(picking.id()).isEqualTo(11);
        assertThat(picking.text("name")).contains("WH/OUT/00011");
        assertThat(picking.many2one("partner_id"))
                .contains(new OdooRecord.Many2one(13, "Bluebird Outdoor Supply, Dana Whitfield"));
        assertThat(picking.many2one("sale_id")).map(OdooRecord.Many2one::id).contains(9L);
        assertThat(picking.text("carrier_tracking_ref")).isEmpty();
        assertThat(picking.text("note")).isEmpty();
        assertThat(picking.raw("note").isBoolean()).isTrue();
        assertThat(picking.decimal("shipping_weight")).contains(new BigDecimal("4.970000000000001"));
        assertThat(picking.decimal("weight")).contains(new BigDecimal("4.97"));
        assertThat(picking.decimal("carrier_price")).hasValueSatisfying(p -> assertThat(p).isZero());
        assertThat(picking.ids("move_ids")).containsExactly(21L, 22L);
        assertThat(picking.ids("package_level_ids")).isEmpty();
        assertThat(picking.text("priority")).contains("0");
        assertThat(picking.dateTime("scheduled_date")).contains(Instant.parse("2026-11-26T19:49:04Z"));
    }

    @Test
    void partnerAndProductFalseValuesReadAsEmpty() {
        OdooRecord shipTo = await(client().read("res.partner", List.of(13L), List.of("name", "street", "street2", "city",
                "zip", "state_id", "country_id", "phone", "email", "is_company", "parent_id", "commercial_partner_id",
                "type"))).get(0);
        List<OdooRecord> products = await(client().read("product.product", List.of(4L, 6L), List.of("default_code",
                "name", "display_name", "barcode", "weight", "weight_uom_name", "volume", "volume_uom_name", "hs_code",
                "country_of_origin", "list_price", "uom_id")));

        assertThat(shipTo.text("street2")).contains("Dock 3");
        assertThat(shipTo.bool("is_company")).isFalse();
        assertThat(shipTo.many2one("state_id")).contains(new OdooRecord.Many2one(40, "Oregon (US)"));
        assertThat(products).extracting(OdooRecord::id).containsExactly(4L, 6L);
        assertThat(products.get(1).text("barcode")).isEmpty();
        assertThat(products.get(0).many2one("country_of_origin")).isEmpty();
        assertThat(products.get(0).text("volume_uom_name")).contains("m³");
    }

    @Test
    void nonAsciiValuesArriveIntact() {
        OdooRecord partner = await(client().read("res.partner", List.of(14L), List.of("name", "street", "street2", "city",
                "zip", "state_id", "country_id", "phone", "email", "is_company", "parent_id", "commercial_partner_id",
                "type"))).get(0);

        assertThat(partner.text("name")).contains("Zoë Müller-Łukasiewicz");
        assertThat(partner.text("city")).contains("Kraków");
        assertThat(partner.text("street2")).isEmpty();
        assertThat(partner.many2one("state_id")).isEmpty();
    }

    @Test
    void aRecordThatDoesNotExistIsAbsentNotAnError() {
        assertThat(await(client().read("stock.picking", List.of(999_999L), List.of("name")))).isEmpty();
        assertThat(recorded.readsOf("stock.picking")).isPositive();
    }

    @Test
    void readingNoIdsSendsNothing() {
        int before = recorded.readsOf("stock.picking");

        assertThat(await(client().read("stock.picking", List.of(), List.of("name")))).isEmpty();
        assertThat(recorded.readsOf("stock.picking")).isEqualTo(before);
    }
}
