package dev.carrierhub.intake.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.carrierhub.core.problem.ProblemException;
import dev.carrierhub.odoo.recordings.OdooRecording;
import org.junit.jupiter.api.Test;

class OdooWebhookParserTest {
    private final OdooWebhookParser parser = new OdooWebhookParser(new ObjectMapper());

    @Test
    void readsTheRecordedPickingWebhook() {
        OdooWebhook webhook = parser.parse(OdooRecording.load("webhook/picking-assigned-fields.json").webhookBody());

        assertThat(webhook.model()).isEqualTo("stock.picking");
        assertThat(webhook.recordId()).isEqualTo(11);
        assertThat(webhook.action()).isEqualTo("Send Webhook Notification(#458)");
        assertThat(webhook.text("name")).isEqualTo("WH/OUT/00011");
        assertThat(webhook.text("note")).as("Odoo's false means empty").isNull();
    }

    @Test
    void readsAWebhookWithNoSelectedFields() {
        OdooWebhook webhook = parser.parse(OdooRecording.load("webhook/picking-assigned-nofields.json").webhookBody());

        assertThat(webhook.recordId()).isEqualTo(12);
    }

    @Test
    void refusesMalformedJsonWithItsPosition() {
        assertThatThrownBy(() -> parser.parse("{\"_model\": \"stock.picking\", "))
                .isInstanceOfSatisfying(ProblemException.class, e -> {
                    assertThat(e.problem().status()).isEqualTo(400);
                    assertThat(e.problem().type()).endsWith("/malformed-json");
                    assertThat(e.problem().detail()).contains("line 1");
                });
    }

    @Test
    void refusesAModelItDoesNotHandle() {
        assertThatThrownBy(() -> parser.parse("{\"_model\": \"res.partner\", \"_id\": 3}"))
                .isInstanceOfSatisfying(ProblemException.class, e -> {
                    assertThat(e.problem().status()).isEqualTo(422);
                    assertThat(e.problem().detail()).contains("res.partner");
                });
    }

    @Test
    void refusesAMissingOrNonNumericId() {
        assertThatThrownBy(() -> parser.parse("{\"_model\": \"stock.picking\"}"))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.problem().status()).isEqualTo(400));
        assertThatThrownBy(() -> parser.parse("{\"_model\": \"stock.picking\", \"_id\": \"11\"}"))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.problem().status()).isEqualTo(400));
        assertThatThrownBy(() -> parser.parse("[1, 2]"))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.problem().status()).isEqualTo(400));
    }
}
