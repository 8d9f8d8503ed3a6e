package dev.carrierhub.odoo.client;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Retries: only what a repeat can cure, only what is safe to repeat, with the attempts configured. */
class RetryTest extends ClientFixture {
    private static final JsonNode READ_RESULT = OdooWire.parse(
            "{\"jsonrpc\": \"2.0\", \"id\": 1, \"result\": [{\"id\": 11, \"name\": \"WH/OUT/00011\"}]}");
    private static final JsonNode CREATED = OdooWire.parse("{\"jsonrpc\": \"2.0\", \"id\": 1, \"result\": 15}");
    private static final JsonNode SERIALIZATION_FAILURE = OdooWire.parse("{\"jsonrpc\": \"2.0\", \"id\": 1, \"error\": "
            + "{\"code\": 200, \"message\": \"Odoo Server Error\", \"data\": {\"name\": \"psycopg2.errors.SerializationFailure\", "
            + "\"message\": \"could not serialize access due to concurrent update\", \"arguments\": "
            + "[\"could not serialize access due to concurrent update\"], \"context\": {}, \"debug\": \"\"}}}");

    /** First answer {@code first}, then {@code then} for good. */
    private void answerInTurn(ResponseDefinitionBuilder first, ResponseDefinitionBuilder then) {
        odoo.server.stubFor(post(urlEqualTo("/jsonrpc")).inScenario("retry").whenScenarioStateIs(STARTED)
                .willReturn(first).willSetStateTo("recovered"));
        odoo.server.stubFor(post(urlEqualTo("/jsonrpc")).inScenario("retry").whenScenarioStateIs("recovered")
                .willReturn(then));
    }

    private static ResponseDefinitionBuilder status(int status) {
        return aResponse().withStatus(status).withHeader("Content-Type", "text/html").withBody("<h1>" + status + "</h1>");
    }

    @Test
    void aReadIsRetriedAfterA503AndSucceeds() {
        answerInTurn(status(503), OdooWire.odooJson(200, READ_RESULT));

        List<OdooRecord> pickings = await(recordedJsonRpc().read("stock.picking", List.of(11L), List.of("name")));

        assertThat(pickings).extracting(OdooRecord::id).containsExactly(11L);
        assertThat(odoo.requests()).hasSize(2);
    }

    @Test
    void aValidationErrorIsNeverRetried() {
        odoo.answerJsonRpc(Recordings.step("rpc/errors.json", "write a wrongly typed value").response());

        assertThat(failure(recordedJsonRpc().write("stock.picking", List.of(11L), Map.of("carrier_price", "twelve"))))
                .isInstanceOf(OdooValidationException.class);
        assertThat(odoo.requests()).hasSize(1);
    }

    @Test
    void anAccessErrorIsNeverRetried() {
        odoo.answerJsonRpc(Recordings.step("rpc/errors.json", "execute_kw with a wrong password").response());

        assertThat(failure(recordedJsonRpc().read("stock.picking", List.of(11L), List.of("name"))))
                .isInstanceOf(OdooAccessException.class);
        assertThat(odoo.requests()).hasSize(1);
    }

    @Test
    void attemptsAreCappedAndTheLastFailureIsReported() {
        odoo.answerAny(status(503));

        Throwable failure = failure(recordedJsonRpc().searchCount("stock.picking", List.of()));

        assertThat(failure).isExactlyInstanceOf(OdooTransientException.class).hasMessageContaining("HTTP 503");
        assertThat(((OdooTransientException) failure).mayHaveExecuted()).isFalse();
        assertThat(odoo.requests()).hasSize(FAST.maxAttempts());
    }

    @Test
    void aSerializationFailureIsRetriedEvenForACreate() {
        answerInTurn(OdooWire.odooJson(200, SERIALIZATION_FAILURE), OdooWire.odooJson(200, CREATED));

        assertThat(await(recordedJsonRpc().create("res.partner", Map.of("name", "Temp")))).isEqualTo(15L);
        assertThat(odoo.requests()).hasSize(2);
    }

    @Test
    void aSerializationFailureThatPersistsIsAConcurrencyException() {
        odoo.answerJsonRpc(SERIALIZATION_FAILURE);

        Throwable failure = failure(recordedJsonRpc().write("stock.picking", List.of(13L), Map.of("carrier_price", 1)));

        assertThat(failure).isInstanceOf(OdooConcurrencyException.class);
        assertThat(((OdooException) failure).retryable()).isTrue();
        assertThat(odoo.requests()).hasSize(FAST.maxAttempts());
    }

    @Test
    void aCreateWhoseOutcomeIsUnknownIsNotRepeated() {
        // 502: the proxy lost Odoo's answer; the partner may exist already.
        answerInTurn(status(502), OdooWire.odooJson(200, CREATED));

        Throwable failure = failure(recordedJsonRpc().create("res.partner", Map.of("name", "Temp")));

        assertThat(failure).isInstanceOf(OdooTransientException.class);
        assertThat(((OdooTransientException) failure).mayHaveExecuted()).isTrue();
        assertThat(odoo.requests()).hasSize(1);
    }

    @Test
    void aCreateIsRetriedWhenOdooSurelyDidNotRunIt() {
        answerInTurn(status(503), OdooWire.odooJson(200, CREATED));

        assertThat(await(recordedJsonRpc().create("res.partner", Map.of("name", "Temp")))).isEqualTo(15L);
        assertThat(odoo.requests()).hasSize(2);
    }

    @Test
    void a429IsRetriedAfterItsRetryAfter() {
        answerInTurn(status(429).withHeader("Retry-After", "0"), OdooWire.odooJson(200, READ_RESULT));

        assertThat(await(recordedJsonRpc().read("stock.picking", List.of(11L), List.of("name")))).hasSize(1);
        assertThat(odoo.requests()).hasSize(2);
    }

    @Test
    void aRetryAfterLongerThanTheBackoffCapIsLeftToTheCaller() {
        odoo.answerAny(status(429).withHeader("Retry-After", "120"));

        Throwable failure = failure(recordedJsonRpc().read("stock.picking", List.of(11L), List.of("name")));

        assertThat(failure).isInstanceOf(OdooTransientException.class);
        assertThat(((OdooTransientException) failure).retryAfter()).contains(Duration.ofSeconds(120));
        assertThat(odoo.requests()).hasSize(1);
    }

    @Test
    void aRefusedConnectionIsRetriedAndReportedAsNotExecuted() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        OdooClient client = clients.client(OdooConnection.jsonRpc(URI.create("http://127.0.0.1:" + closedPort),
                "odootest", 2L, "admin", TIMEOUT));

        Throwable failure = failure(client.create("res.partner", Map.of("name", "Temp")));

        assertThat(failure).isExactlyInstanceOf(OdooTransientException.class).hasMessageContaining("cannot connect");
        assertThat(((OdooTransientException) failure).mayHaveExecuted()).isFalse();
    }
}
