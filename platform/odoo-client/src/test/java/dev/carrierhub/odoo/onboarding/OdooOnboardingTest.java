package dev.carrierhub.odoo.onboarding;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import dev.carrierhub.odoo.client.OdooClient;
import dev.carrierhub.odoo.client.OdooClients;
import dev.carrierhub.odoo.client.OdooConnection;
import dev.carrierhub.odoo.client.OdooResilience;
import dev.carrierhub.odoo.recordings.OdooRecording;
import dev.carrierhub.odoo.recordings.RecordedOdoo;
import io.vertx.mutiny.core.Vertx;
import java.net.URI;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Onboarding against the recorded Odoo 18: the rule-creating calls recorded there (field ids, state
 * selection ids, the created rule ids) answer onboarding's own calls. Between runs, the test makes this
 * Odoo hold what onboarding created, as a real one would, so a second run can find it.
 */
class OdooOnboardingTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final OdooRecording READY = OdooRecording.load("webhook/picking-assigned-fields.json");
    private static final OdooRecording DONE = OdooRecording.load("webhook/picking-done-multipackage.json");
    private static final URI INTAKE = URI.create("https://hub.example.com/");

    private Vertx vertx;
    private OdooClients clients;
    private RecordedOdoo odoo;

    @BeforeEach
    void start() {
        vertx = Vertx.vertx();
        clients = new OdooClients(vertx, new OdooResilience(2, Duration.ofMillis(5), Duration.ofMillis(20), 0.5, 50,
                Duration.ofSeconds(1)));
        odoo = new RecordedOdoo().start().replayRuleSetup();
    }

    @AfterEach
    void stop() {
        clients.close();
        odoo.close();
        vertx.closeAndAwait();
    }

    @Test
    void theFirstRunCreatesTheRulesAsTheRecordedOnesWereCreated() {
        OnboardingReport report = onboard("token-1");

        assertThat(report.serverVersion()).isEqualTo("18.0-20250506");
        assertThat(report.majorVersion()).isEqualTo(18);
        assertThat(report.userId()).isEqualTo(2);
        assertThat(report.rules()).extracting(RuleOutcome::name, RuleOutcome::outcome, RuleOutcome::ruleId).containsExactly(
                org.assertj.core.groups.Tuple.tuple(IntakeRules.READY, RuleOutcome.Outcome.CREATED, 5L),
                org.assertj.core.groups.Tuple.tuple(IntakeRules.CANCELLED, RuleOutcome.Outcome.CREATED, 8L),
                org.assertj.core.groups.Tuple.tuple(IntakeRules.DONE, RuleOutcome.Outcome.CREATED, 7L));

        JsonNode created = created(IntakeRules.READY);
        JsonNode recorded = READY.ruleExchanges().stream().filter(e -> "create".equals(e.method())).findFirst()
                .orElseThrow().positionalArgs().get(0);
        for (String field : List.of("model_id", "trigger", "trigger_field_ids", "trg_selection_field_id")) {
            assertThat(created.get(field)).as(field).isEqualTo(recorded.get(field));
        }
        JsonNode action = created.at("/action_server_ids/0/2");
        JsonNode recordedAction = recorded.at("/action_server_ids/0/2");
        for (String field : List.of("model_id", "usage", "state")) {
            assertThat(action.get(field)).as(field).isEqualTo(recordedAction.get(field));
        }
        assertThat(ids(action.at("/webhook_field_ids/0/2"))).as("the 21 fields of the recorded rule")
                .isEqualTo(ids(recordedAction.at("/webhook_field_ids/0/2")));
        assertThat(action.get("webhook_url").asText()).isEqualTo("https://hub.example.com/webhooks/odoo/acme?token=token-1");
        assertThat(created(IntakeRules.CANCELLED).get("trg_selection_field_id").asLong())
                .isEqualTo(RecordedOdoo.CANCEL_SELECTION_ID);
        assertThat(created(IntakeRules.DONE).get("trg_selection_field_id").asLong())
                .isEqualTo(recorded(DONE, "create").get("trg_selection_field_id").asLong());
    }

    @Test
    void runningItTwiceLeavesOneSetOfRules() {
        onboard("token-1");
        holdCreatedRules(false);

        OnboardingReport second = onboard("token-1");

        assertThat(second.rules()).extracting(RuleOutcome::outcome).containsOnly(RuleOutcome.Outcome.UNCHANGED);
        assertThat(second.rules()).extracting(RuleOutcome::ruleId).containsExactly(5L, 8L, 7L);
        assertThat(odoo.calls("base.automation", "create")).hasSize(3);
        assertThat(odoo.calls("base.automation", "write")).isEmpty();
        assertThat(odoo.calls("ir.actions.server", "write")).isEmpty();
    }

    @Test
    void aRotatedTokenOrAnArchivedRuleIsCorrectedInPlace() {
        onboard("token-1");
        holdCreatedRules(true);

        OnboardingReport again = onboard("token-2");

        assertThat(again.rules()).extracting(RuleOutcome::outcome).containsOnly(RuleOutcome.Outcome.UPDATED);
        assertThat(again.rules().get(0).changes()).contains("rule was archived: active again", "webhook URL replaced");
        assertThat(odoo.calls("base.automation", "create")).as("nothing created twice").hasSize(3);
        List<RecordedOdoo.Call> actionWrites = odoo.calls("ir.actions.server", "write");
        assertThat(actionWrites).hasSize(3);
        assertThat(actionWrites.get(0).args().at("/1/webhook_url").asText()).endsWith("?token=token-2");
        List<RecordedOdoo.Call> ruleWrites = odoo.calls("base.automation", "write");
        assertThat(ruleWrites).as("only the archived rule").hasSize(1);
        assertThat(ruleWrites.get(0).args().at("/0").toString()).isEqualTo("[5]");
        assertThat(ruleWrites.get(0).args().at("/1/active").asBoolean()).isTrue();
    }

    @Test
    void anOdooOlderThan17IsRefusedBeforeAnythingIsWritten() {
        answerVersion("16.0", 16);

        assertThatThrownBy(() -> onboard("token-1")).isInstanceOf(OdooOnboardingException.class)
                .hasMessageContaining("Odoo 17 or later");
        assertThat(odoo.calls("base.automation", "create")).isEmpty();
    }

    @Test
    void theWebhookUrlCarriesTheTenantAndItsTokenEncoded() {
        List<WebhookRule> rules = IntakeRules.forTenant(URI.create("https://hub.example.com/intake//"), "acme eu",
                "a+b/c", false);
        assertThat(rules).extracting(WebhookRule::name).containsExactly(IntakeRules.READY, IntakeRules.CANCELLED);
        assertThat(rules.get(0).webhookUrl()).isEqualTo("https://hub.example.com/intake/webhooks/odoo/acme+eu?token=a%2Bb%2Fc");
    }

    private OnboardingReport onboard(String token) {
        OdooClient client = clients.client(OdooConnection.jsonRpc(odoo.url(), "odootest", 2L, "test-key",
                Duration.ofSeconds(3)));
        return new OdooOnboarding(client).apply(IntakeRules.forTenant(INTAKE, "acme", token, true))
                .await().atMost(Duration.ofSeconds(20));
    }

    /**
     * What a real Odoo would now answer: each created rule (archived, if asked) with one webhook action,
     * as base.automation search_read and ir.actions.server read return them.
     */
    private void holdCreatedRules(boolean archived) {
        long actionId = 458;
        for (String name : List.of(IntakeRules.READY, IntakeRules.CANCELLED, IntakeRules.DONE)) {
            JsonNode created = created(name);
            long ruleId = name.equals(IntakeRules.READY) ? 5 : name.equals(IntakeRules.DONE) ? 7 : 8;
            ObjectNode rule = JSON.createObjectNode().put("id", ruleId).put("name", name)
                    .put("active", !(archived && name.equals(IntakeRules.READY))).put("trigger", "on_state_set");
            rule.putArray("trg_selection_field_id").add(created.get("trg_selection_field_id").asLong()).add("State");
            rule.set("trigger_field_ids", created.at("/trigger_field_ids/0/2"));
            rule.putArray("action_server_ids").add(actionId);
            stub(post(urlEqualTo("/jsonrpc")).atPriority(1)
                    .withRequestBody(matchingJsonPath("$.params.args[3]", equalTo("base.automation")))
                    .withRequestBody(matchingJsonPath("$.params.args[4]", equalTo("search_read")))
                    .withRequestBody(matchingJsonPath("$.params.args[5][0][0][2]", equalTo(name))), "[" + rule + "]");
            JsonNode createdAction = created.at("/action_server_ids/0/2");
            ObjectNode action = JSON.createObjectNode().put("id", actionId).put("name", "Send Webhook Notification")
                    .put("state", "webhook").put("webhook_url", createdAction.get("webhook_url").asText());
            action.set("webhook_field_ids", createdAction.at("/webhook_field_ids/0/2"));
            stub(post(urlEqualTo("/jsonrpc")).atPriority(1)
                    .withRequestBody(matchingJsonPath("$.params.args[3]", equalTo("ir.actions.server")))
                    .withRequestBody(matchingJsonPath("$.params.args[4]", equalTo("read")))
                    .withRequestBody(matchingJsonPath("$.params.args[5]", equalToJson("[[" + actionId + "]]"))),
                    "[" + action + "]");
            actionId++;
        }
    }

    private JsonNode created(String name) {
        return odoo.calls("base.automation", "create").stream().map(call -> call.args().get(0))
                .filter(values -> name.equals(values.path("name").asText())).findFirst().orElseThrow();
    }

    private static JsonNode recorded(OdooRecording recording, String method) {
        return recording.ruleExchanges().stream().filter(e -> method.equals(e.method())).findFirst().orElseThrow()
                .positionalArgs().get(0);
    }

    private static Set<Long> ids(JsonNode array) {
        return new HashSet<>(StreamSupport.stream(array.spliterator(), false).map(JsonNode::asLong).toList());
    }

    private void answerVersion(String version, int major) {
        ObjectNode result = JSON.createObjectNode().put("server_version", version);
        ArrayNode info = result.putArray("server_version_info");
        info.add(major).add(0).add(0).add("final").add(0).add("");
        odoo.server().stubFor(post(urlEqualTo("/jsonrpc")).atPriority(1)
                .withRequestBody(matchingJsonPath("$.params.service", equalTo("common")))
                .withRequestBody(matchingJsonPath("$.params.method", equalTo("version")))
                .willReturn(aResponse().withHeader("Content-Type", "application/json")
                        .withBody("{\"jsonrpc\": \"2.0\", \"id\": 1, \"result\": " + result + "}")));
    }

    private void stub(MappingBuilder request, String result) {
        odoo.server().stubFor(request.willReturn(aResponse().withHeader("Content-Type", "application/json; charset=utf-8")
                .withBody("{\"jsonrpc\": \"2.0\", \"id\": 1, \"result\": " + result + "}")));
    }
}
