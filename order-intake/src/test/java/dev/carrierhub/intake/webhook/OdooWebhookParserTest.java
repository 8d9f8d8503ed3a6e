package dev.carrierhub.intake.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.carrierhub.core.problem.ProblemException;
import dev.carrierhub.odoo.recordings.OdooRecording;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OdooWebhookParserTest {
    static final Set<String> PICKINGS = Set.of(OdooModels.STOCK_PICKING);
    static final Set<String> BOTH = OdooModels.HANDLED;

    private final OdooWebhookParser parser = new OdooWebhookParser(new ObjectMapper());

    @Test
    void readsTheRecordedPickingWebhook() {
        OdooWebhook webhook = parser.parse(body("picking-assigned-fields"), PICKINGS);

        assertThat(webhook.model()).isEqualTo("stock.picking");
        assertThat(webhook.recordId()).isEqualTo(11);
        assertThat(webhook.action()).isEqualTo("Send Webhook Notification(#458)");
        assertThat(webhook.text("name")).isEqualTo("WH/OUT/00011");
        assertThat(webhook.text("note")).as("Odoo's false means empty").isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"picking-assigned-fields:stock.picking:11", "picking-assigned-nofields:stock.picking:12",
            "picking-assigned-nonascii:stock.picking:13", "picking-done-multipackage:stock.picking:14",
            "sale-order-confirmed:sale.order:9"})
    void readsEveryRecordedWebhookForATenantWithBothModels(String recording) {
        String[] parts = recording.split(":");
        String body = body(parts[0]);

        OdooWebhook webhook = parser.parse(OdooWebhookParser.text(body.getBytes(StandardCharsets.UTF_8)), BOTH);

        assertThat(webhook.model()).isEqualTo(parts[1]);
        assertThat(webhook.recordId()).isEqualTo(Long.parseLong(parts[2]));
        assertThat(webhook.action()).startsWith("Send Webhook Notification(#");
    }

    @Test
    void readsTheNonAsciiEscapesOdooSends() {
        OdooWebhook webhook = parser.parse(body("picking-assigned-nonascii"), PICKINGS);

        assertThat(body("picking-assigned-nonascii")).as("Odoo's body is pure ASCII").matches("\\p{ASCII}*");
        assertThat(webhook.text("note")).contains("Zoë");
    }

    @Test
    void refusesASaleOrderUnlessTheTenantListsIt() {
        assertThatThrownBy(() -> parser.parse(body("sale-order-confirmed"), PICKINGS))
                .isInstanceOfSatisfying(ProblemException.class, e -> {
                    assertThat(e.problem().status()).isEqualTo(422);
                    assertThat(e.problem().type()).endsWith("/unsupported-model");
                    assertThat(e.problem().detail()).contains("sale.order").contains("[stock.picking]");
                });
    }

    @Test
    void refusesMalformedJsonWithItsPosition() {
        assertThatThrownBy(() -> parser.parse("{\"_model\": \"stock.picking\", ", PICKINGS))
                .isInstanceOfSatisfying(ProblemException.class, e -> {
                    assertThat(e.problem().status()).isEqualTo(400);
                    assertThat(e.problem().type()).endsWith("/malformed-json");
                    assertThat(e.problem().detail()).contains("line 1");
                });
    }

    @Test
    void refusesAModelItDoesNotHandleWithoutEchoingAHugeName() {
        String huge = "x".repeat(5000);
        assertThatThrownBy(() -> parser.parse("{\"_model\": \"" + huge + "\", \"_id\": 3}", BOTH))
                .isInstanceOfSatisfying(ProblemException.class, e -> {
                    assertThat(e.problem().status()).isEqualTo(422);
                    assertThat(e.problem().detail()).hasSizeLessThan(300);
                });
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"_model\": \"stock.picking\"}",
            "{\"_model\": \"stock.picking\", \"_id\": \"11\"}",
            "{\"_model\": \"stock.picking\", \"_id\": 0}",
            "{\"_model\": \"stock.picking\", \"_id\": -11}",
            "{\"_model\": \"stock.picking\", \"_id\": 11.5}",
            "{\"_model\": \"stock.picking\", \"_id\": 1e3}",
            "{\"_model\": \"stock.picking\", \"_id\": 9223372036854775808}",
            "{\"_model\": \"stock.picking\", \"_id\": 1e400}",
            "{\"_model\": \"stock.picking\", \"_id\": false}",
            "{\"_model\": \"stock.picking\", \"_id\": [11]}",
            "{\"_model\": [\"stock.picking\"], \"_id\": 11}",
            "{\"_model\": null, \"_id\": 11}",
            "{\"_model\": \"stock.picking\", \"_id\": 11, \"_action\": 458}",
            "{\"_model\": \"stock.picking\", \"_id\": 11, \"_action\": \"a\\u0000b\"}",
            "{\"_model\": \"stock.picking\", \"_id\": 11, \"_model\": \"stock.picking\"}",
            "{\"_model\": \"stock.picking\", \"_id\": 11} {}",
            "{\"_model\": \"stock.picking\", \"_id\": 11} trailing",
            "[1, 2]", "\"stock.picking\"", "11", "true", "null", "", "   ", "{}"})
    void refusesWhatIsNotAnOdooWebhookWith400(String body) {
        assertThatThrownBy(() -> parser.parse(body, PICKINGS))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.problem().status()).isEqualTo(400));
    }

    @Test
    void refusesAnActionLongerThanItsColumn() {
        String action = "a".repeat(OdooWebhookParser.MAX_ACTION_LENGTH);
        assertThat(parser.parse("{\"_action\": \"" + action + "\", \"_id\": 1, \"_model\": \"stock.picking\"}", PICKINGS)
                .action()).hasSize(OdooWebhookParser.MAX_ACTION_LENGTH);
        assertThatThrownBy(() -> parser.parse(
                "{\"_action\": \"" + action + "b\", \"_id\": 1, \"_model\": \"stock.picking\"}", PICKINGS))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.problem().status()).isEqualTo(400));
    }

    @Test
    void refusesABodyThatIsNotUtf8() {
        assertThatThrownBy(() -> OdooWebhookParser.text(new byte[] {'{', (byte) 0xC3, '}'}))
                .isInstanceOfSatisfying(ProblemException.class, e -> {
                    assertThat(e.problem().status()).isEqualTo(400);
                    assertThat(e.problem().detail()).contains("UTF-8");
                });
        assertThat(OdooWebhookParser.text("{\"n\": \"Zoë\"}".getBytes(StandardCharsets.UTF_8))).contains("Zoë");
    }

    static String body(String recording) {
        return OdooRecording.load("webhook/" + recording + ".json").webhookBody();
    }
}
