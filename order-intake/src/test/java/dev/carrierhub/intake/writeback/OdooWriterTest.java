package dev.carrierhub.intake.writeback;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.carrierhub.odoo.client.OdooRecord;
import dev.carrierhub.odoo.recordings.OdooRecording;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class OdooWriterTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aPickingHoldsTheWrittenValuesAsOdooReadsThemBack() throws Exception {
        // The recorded read-back after writing 1Z999AA10123456784 / 14.95 (rpc/writeback.json).
        OdooRecord picking = new OdooRecord((ObjectNode) OdooRecording.load("rpc/writeback.json").exchanges().stream()
                .filter(e -> "stock.picking".equals(e.model()) && "read".equals(e.method())).findFirst().orElseThrow()
                .response().get("result").get(0));

        assertThat(OdooWriter.holds(picking, JSON.readTree(
                "{\"carrier_tracking_ref\": \"1Z999AA10123456784\", \"carrier_price\": 14.950}"))).isTrue();
        assertThat(OdooWriter.holds(picking, JSON.readTree(
                "{\"carrier_tracking_ref\": \"1Z999AA10123456784\", \"carrier_price\": 15}"))).isFalse();
        assertThat(OdooWriter.holds(picking, JSON.readTree(
                "{\"carrier_tracking_ref\": \"OTHER\", \"carrier_price\": 14.95}"))).isFalse();
    }

    @Test
    void anUnsetValueInOdooIsNotTheValueToWrite() throws Exception {
        OdooRecord fresh = new OdooRecord((ObjectNode) JSON.readTree(
                "{\"id\": 11, \"carrier_tracking_ref\": false, \"carrier_price\": 0.0}"));
        assertThat(OdooWriter.holds(fresh, JSON.readTree(
                "{\"carrier_tracking_ref\": \"SBX1\", \"carrier_price\": 12.40}"))).isFalse();
    }

    @Test
    void odooDatesAreNaiveUtc() {
        assertThat(OdooWriter.odooDateTime(Instant.parse("2026-11-26T19:49:04.123Z"))).isEqualTo("2026-11-26 19:49:04");
        assertThat(OdooWriter.mimetype("Label-x.PDF")).isEqualTo("application/pdf");
        assertThat(OdooWriter.mimetype("Label-x.zpl")).isEqualTo("text/plain");
    }

    @Test
    void aDeadlineIsTheRaisedTimePlusTheSlaAsAUtcDate() {
        assertThat(ActivityOwners.deadline(Instant.parse("2026-03-02T22:30:00Z"), java.time.Duration.ofHours(4)))
                .hasToString("2026-03-03");
        assertThat(ActivityOwners.deadline(Instant.parse("2026-03-02T10:00:00Z"), java.time.Duration.ofHours(4)))
                .hasToString("2026-03-02");
    }
}
