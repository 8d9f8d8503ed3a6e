package dev.carrierhub.odoo.client;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.carrierhub.odoo.recordings.OdooRecording;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** OdooRecord, OdooResults and OdooVersion read Odoo's value conventions. */
class OdooValuesTest {

    private static OdooRecord record(String json) {
        return new OdooRecord((ObjectNode) OdooJson.readOrNull(json.getBytes()));
    }

    @Test
    void falseIsEmptyForEveryKindOfField() {
        OdooRecord record = record("{\"id\": 1, \"street2\": false, \"state_id\": false, \"date_done\": false, "
                + "\"weight\": false, \"move_ids\": false, \"is_company\": false}");

        assertThat(record.text("street2")).isEmpty();
        assertThat(record.many2one("state_id")).isEmpty();
        assertThat(record.dateTime("date_done")).isEmpty();
        assertThat(record.decimal("weight")).isEmpty();
        assertThat(record.ids("move_ids")).isEmpty();
        assertThat(record.bool("is_company")).isFalse();
        assertThat(record.text("not_read")).isEmpty();
        assertThat(record.has("not_read")).isFalse();
    }

    @Test
    void webhookValuesUseBareMany2oneIds() {
        JsonNode body = OdooJson.readOrNull(OdooRecording.load("webhook/picking-assigned-fields.json").webhookBody().getBytes());
        OdooRecord picking = new OdooRecord((ObjectNode) body);

        assertThat(picking.many2one("partner_id")).contains(new OdooRecord.Many2one(13, null));
        assertThat(picking.integer("partner_id")).contains(13L);
        assertThat(picking.id()).isEqualTo(11);
    }

    @Test
    void datesAndDatetimes() {
        OdooRecord record = record("{\"id\": 5, \"date_deadline\": \"2026-11-27\", \"write_date\": \"2026-11-26 19:49:32\"}");

        assertThat(record.date("date_deadline")).contains(LocalDate.of(2026, 11, 27));
        assertThat(record.dateTime("write_date")).hasValueSatisfying(
                instant -> assertThat(instant.toString()).isEqualTo("2026-11-26T19:49:32Z"));
    }

    @Test
    void aRecordIsACopyAndHidesItsValuesFromLogs() {
        ObjectNode values = (ObjectNode) OdooJson.readOrNull("{\"id\": 14, \"name\": \"Zoë\"}".getBytes());
        OdooRecord record = new OdooRecord(values);
        values.put("name", "changed");
        record.raw().put("name", "changed too");

        assertThat(record.text("name")).contains("Zoë");
        assertThat(record.toString()).doesNotContain("Zoë");
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
            "\"mail.activity(4,)\"; 4",
            "\"stock.quant.package(1, 2)\"; 1,2",
            "[4, 5]; 4,5",
            "15; 15",
            "true; ''",
            "\"not a recordset\"; ''",
            "{\"type\": \"ir.actions.act_window\"}; ''"})
    void recordIdsFromEitherProtocol(String json, String expected) {
        List<Long> ids = OdooResults.recordIds(OdooJson.readOrNull(json.getBytes()));

        assertThat(ids).containsExactlyElementsOf(expected.isEmpty() ? List.of()
                : java.util.Arrays.stream(expected.split(",")).map(Long::valueOf).toList());
    }

    @Test
    void aWizardActionIsRecognised() {
        assertThat(OdooResults.isAction(OdooJson.readOrNull(
                "{\"type\": \"ir.actions.act_window\", \"res_model\": \"confirm.stock.sms\"}".getBytes()))).isTrue();
        assertThat(OdooResults.isAction(OdooJson.readOrNull("true".getBytes()))).isFalse();
    }

    @ParameterizedTest
    @CsvSource({"18.0-20250506, 18", "17.0, 17", "saas~18.2, 18", "19.0+e, 19"})
    void majorVersionFromTheVersionString(String version, int major) {
        assertThat(new OdooVersion(version, List.of()).major()).isEqualTo(major);
    }
}
