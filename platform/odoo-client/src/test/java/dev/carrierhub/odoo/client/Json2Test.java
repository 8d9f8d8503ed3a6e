package dev.carrierhub.odoo.client;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.carrierhub.odoo.recordings.OdooRecording;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * JSON-2 (Odoo 19): {@code POST /json/2/<model>/<method>}, bearer key and database headers, named arguments in the
 * body, the bare result back; errors as HTTP statuses with Odoo's error object, mapped to the same types.
 */
class Json2Test extends ClientFixture {
    private static final String KEY = "6578616d706c65206a736f6e20617069206b6579";

    private OdooClient json2() {
        return clients.client(OdooConnection.json2(odoo.url(), "odootest", KEY, TIMEOUT));
    }

    private void answer(String path, int status, String body) {
        odoo.server.stubFor(post(urlEqualTo(path)).willReturn(aResponse().withStatus(status)
                .withHeader("Content-Type", "application/json; charset=utf-8").withBody(body)));
    }

    private LoggedRequest onlyRequest() {
        assertThat(odoo.requests()).hasSize(1);
        return odoo.requests().get(0);
    }

    @Test
    void readSendsIdsAndFieldsWithTheKeyAndDatabaseHeaders() {
        answer("/json/2/stock.picking/read", 200, "[{\"id\": 11, \"name\": \"WH/OUT/00011\", \"partner_id\": [13, \"Dana\"]}]");

        List<OdooRecord> pickings = await(json2().read("stock.picking", List.of(11L), List.of("name", "partner_id")));

        assertThat(pickings.get(0).many2one("partner_id")).contains(new OdooRecord.Many2one(13, "Dana"));
        LoggedRequest request = onlyRequest();
        assertThat(request.getMethod().getName()).isEqualTo("POST");
        assertThat(request.getUrl()).isEqualTo("/json/2/stock.picking/read");
        assertThat(request.getHeader("Authorization")).isEqualTo("bearer " + KEY);
        assertThat(request.getHeader("X-Odoo-Database")).isEqualTo("odootest");
        assertThat(request.getHeader("Content-Type")).startsWith("application/json");
        assertThat(OdooWire.parse(request.getBodyAsString()))
                .isEqualTo(OdooWire.parse("{\"ids\": [11], \"fields\": [\"name\", \"partner_id\"]}"));
    }

    @Test
    void searchReadAndSearchCountNameTheDomain() {
        answer("/json/2/stock.picking/search_read", 200, "[{\"id\": 3, \"name\": \"WH/OUT/00003\"}]");
        answer("/json/2/stock.picking/search_count", 200, "12");
        List<?> domain = List.of(List.of("state", "=", "assigned"), List.of("carrier_tracking_ref", "=", false));

        assertThat(await(json2().searchRead("stock.picking", domain, List.of("id", "name"), 5, 5, "id asc"))).hasSize(1);
        assertThat(await(json2().searchCount("stock.picking", domain))).isEqualTo(12L);

        List<JsonNode> bodies = odoo.bodies();
        assertThat(bodies.get(0)).isEqualTo(OdooWire.parse("{\"domain\": [[\"state\", \"=\", \"assigned\"], "
                + "[\"carrier_tracking_ref\", \"=\", false]], \"fields\": [\"id\", \"name\"], \"order\": \"id asc\", "
                + "\"offset\": 5, \"limit\": 5}"));
        assertThat(bodies.get(1)).isEqualTo(OdooWire.parse("{\"domain\": [[\"state\", \"=\", \"assigned\"], "
                + "[\"carrier_tracking_ref\", \"=\", false]]}"));
    }

    @Test
    void createSendsValsListAndReadsTheIdsBack() {
        answer("/json/2/res.partner/create", 200, "[15]");

        assertThat(await(json2().create("res.partner", Map.of("name", "Temp partner")))).isEqualTo(15L);
        assertThat(OdooWire.parse(onlyRequest().getBodyAsString()))
                .isEqualTo(OdooWire.parse("{\"vals_list\": {\"name\": \"Temp partner\"}}"));
    }

    @Test
    void writeSendsIdsAndVals() {
        answer("/json/2/stock.picking/write", 200, "true");

        await(json2().write("stock.picking", List.of(11L), Map.of("carrier_tracking_ref", "1Z999AA10123456784")));

        assertThat(OdooWire.parse(onlyRequest().getBodyAsString())).isEqualTo(OdooWire.parse(
                "{\"ids\": [11], \"vals\": {\"carrier_tracking_ref\": \"1Z999AA10123456784\"}}"));
    }

    @Test
    void callPutsTheIdsAndKeywordArgumentsInTheBody() {
        answer("/json/2/stock.picking/activity_schedule", 200, "[4]");

        JsonNode result = await(json2().call("stock.picking", "activity_schedule", List.of(List.of(11)),
                Map.of("act_type_xmlid", "mail.mail_activity_data_warning", "summary", "Carrier rejected address")))
                .orElseThrow();

        assertThat(OdooResults.recordIds(result)).containsExactly(4L);
        assertThat(OdooWire.parse(onlyRequest().getBodyAsString())).isEqualTo(OdooWire.parse("{\"ids\": [11], "
                + "\"act_type_xmlid\": \"mail.mail_activity_data_warning\", \"summary\": \"Carrier rejected address\"}"));
    }

    @Test
    void aMethodReturningNoneGivesAnEmptyResult() {
        answer("/json/2/stock.picking/action_put_in_pack", 200, "null");

        assertThat(await(json2().call("stock.picking", "action_put_in_pack", List.of(List.of(14)), Map.of()))).isEmpty();
    }

    @Test
    void positionalArgumentsOtherThanIdsAreRefusedBeforeAnythingIsSent() {
        assertThatThrownBy(() -> await(json2().call("ir.model.data", "check_object_reference",
                List.of("mail", "mail_activity_data_warning"), Map.of())))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("named arguments only");
        assertThat(odoo.requests()).isEmpty();
        assertThat(json2().circuitState()).isEqualTo(OdooCircuitState.CLOSED);
    }

    @Test
    void authenticateAsksWhoTheKeyBelongsTo() {
        answer("/json/2/res.users/context_get", 200, "{\"lang\": \"en_US\", \"tz\": \"Europe/Brussels\", \"uid\": 2}");

        assertThat(await(json2().authenticate())).isEqualTo(2L);
        assertThat(OdooWire.parse(onlyRequest().getBodyAsString())).isEqualTo(OdooWire.parse("{}"));
    }

    @Test
    void versionIsAGetOfWebVersion() {
        odoo.server.stubFor(get(urlEqualTo("/web/version"))
                .willReturn(okJson("{\"version_info\": [19, 0, 0, \"final\", 0, \"\"], \"version\": \"19.0\"}")));

        OdooVersion version = await(json2().version());

        assertThat(version.major()).isEqualTo(19);
        assertThat(version.supportsJson2()).isTrue();
    }

    /** Each recorded Odoo 18 error, re-shaped the way JSON-2 sends it: a status and the error object as body. */
    static Stream<Arguments> recordedErrorsAsJson2() {
        return Recordings.errorEnvelopes("rpc/errors.json").stream().map(exchange -> {
            JsonNode data = exchange.response().path("error").path("data");
            return Arguments.of(exchange.step(), data, json2Status(data.path("name").asText()));
        });
    }

    /** The status Odoo 19's Json2Dispatcher gives: UserError.http_status for Odoo's own, 500 otherwise. */
    private static int json2Status(String name) {
        return switch (name) {
            case "odoo.exceptions.AccessDenied" -> 401;
            case "odoo.exceptions.AccessError" -> 403;
            case "odoo.exceptions.MissingError" -> 404;
            case "odoo.exceptions.UserError", "odoo.exceptions.ValidationError" -> 422;
            default -> 500;
        };
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("recordedErrorsAsJson2")
    void errorsMapToTheSameTypesAsOverJsonRpc(String step, JsonNode data, int status) {
        odoo.answerAny(aResponse().withStatus(status).withHeader("Content-Type", "application/json; charset=utf-8")
                .withBody(data.toString()));

        Throwable failure = failure(json2().call("stock.picking", "write", List.of(List.of(11)), Map.of("vals", Map.of())));

        assertThat(failure).isExactlyInstanceOf(Recordings.ERRORS_JSON_EXPECTED.get(step));
        assertThat(((OdooException) failure).odooMessage()).isEqualTo(data.path("message").asText());
        assertThat(((OdooException) failure).error().httpStatus()).isEqualTo(status);
        assertThat(odoo.requests()).as("not retried").hasSize(1);
    }

    @Test
    void anInvalidKeyIsAnAccessException() {
        answer("/json/2/stock.picking/read", 401, "{\"name\": \"werkzeug.exceptions.Unauthorized\", "
                + "\"message\": \"Invalid apikey\", \"arguments\": [\"Invalid apikey\", 401], \"context\": {}, \"debug\": \"\"}");

        Throwable failure = failure(json2().read("stock.picking", List.of(11L), List.of("name")));

        assertThat(failure).isInstanceOf(OdooAccessException.class).hasMessageContaining("Invalid apikey");
        assertThat(((OdooException) failure).arguments()).containsExactly("Invalid apikey", "401");
    }

    @Test
    void anUnknownModelIsAValidationException() {
        answer("/json/2/x_no.such.model/search", 404, "{\"name\": \"werkzeug.exceptions.NotFound\", "
                + "\"message\": \"the model 'x_no.such.model' does not exist\", \"arguments\": [], \"context\": {}}");

        assertThat(failure(json2().call("x_no.such.model", "search", List.of(), Map.of("domain", List.of()))))
                .isInstanceOf(OdooValidationException.class).hasMessageContaining("does not exist");
    }

    @Test
    void anOdoo18WithoutJson2IsAConfigurationError() {
        odoo.answerAny(aResponse().withStatus(404).withHeader("Content-Type", "text/html; charset=utf-8")
                .withBody("<!doctype html><title>404 Not Found</title>"));

        assertThat(failure(json2().read("stock.picking", List.of(11L), List.of("name"))))
                .isInstanceOf(OdooConfigurationException.class).hasMessageContaining("Odoo 19");
        assertThat(odoo.requests()).hasSize(1);
    }

    @Test
    void aGatewayErrorIsRetriedLikeOverJsonRpc() {
        odoo.server.stubFor(post(urlEqualTo("/json/2/stock.picking/read")).inScenario("flaky").whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withStatus(503).withBody("<html>busy</html>")).willSetStateTo("ok"));
        odoo.server.stubFor(post(urlEqualTo("/json/2/stock.picking/read")).inScenario("flaky").whenScenarioStateIs("ok")
                .willReturn(okJson("[{\"id\": 11}]")));

        assertThat(await(json2().read("stock.picking", List.of(11L), List.of("name")))).hasSize(1);
        assertThat(odoo.requests()).hasSize(2);
    }

    @Test
    void theDatabaseHeaderIsLeftOutWhenTheHostSelectsTheDatabase() {
        answer("/json/2/res.country/read", 200, "[]");

        await(clients.client(OdooConnection.json2(odoo.url(), null, KEY, TIMEOUT))
                .read("res.country", List.of(1L), List.of("code")));

        assertThat(onlyRequest().containsHeader("X-Odoo-Database")).isFalse();
    }

    @Test
    void recordedRecordsetResultsReadTheSameAsJson2Ids() {
        OdooRecording.Exchange scheduled = Recordings.step("rpc/activity.json",
                "activity_schedule via execute_kw (public method; returns a recordset, which /jsonrpc serialises with str())");

        assertThat(OdooResults.recordIds(scheduled.response().get("result"))).containsExactly(4L);
    }
}
