package dev.carrierhub.odoo.client;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.carrierhub.odoo.recordings.OdooRecording;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Every error Odoo 18 was recorded answering (rpc/errors.json) becomes the right exception, with Odoo's words. */
class ErrorEnvelopeTest extends ClientFixture {

    static Stream<Arguments> envelopes() {
        return Recordings.errorEnvelopes("rpc/errors.json").stream().map(e -> Arguments.of(e.step(), e));
    }

    @Test
    void everyRecordedEnvelopeHasAnExpectedType() {
        assertThat(Recordings.errorEnvelopes("rpc/errors.json")).extracting(OdooRecording.Exchange::step)
                .containsExactlyInAnyOrderElementsOf(Recordings.ERRORS_JSON_EXPECTED.keySet());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("envelopes")
    void envelopeBecomesTypedExceptionWithOdoosMessageAndIsNotRetried(String step, OdooRecording.Exchange exchange) {
        odoo.answerJsonRpc(exchange.response());
        JsonNode args = exchange.request().path("params").path("args");
        OdooClient client = clients.client(OdooConnection.jsonRpc(odoo.url(), args.path(0).asText(),
                args.path(1).asLong(), args.path(2).asText(), TIMEOUT));

        Throwable failure = failure(client.call(exchange.model(), exchange.method(), Recordings.positional(exchange),
                Recordings.keywords(exchange)));

        JsonNode data = exchange.response().path("error").path("data");
        assertThat(failure).isExactlyInstanceOf(Recordings.ERRORS_JSON_EXPECTED.get(step));
        OdooException odooFailure = (OdooException) failure;
        assertThat(odooFailure.odooName()).contains(data.path("name").asText());
        assertThat(odooFailure.odooMessage()).isEqualTo(data.path("message").asText());
        assertThat(odooFailure.arguments()).containsExactlyElementsOf(Recordings.strings(data.path("arguments")));
        assertThat(odooFailure.error().traceback()).hasValueSatisfying(debug -> assertThat(debug).startsWith("Traceback"));
        assertThat(odooFailure.operation()).isEqualTo(exchange.model() + "." + exchange.method());
        assertThat(odooFailure.retryable()).isFalse();
        assertThat(odoo.bodies()).hasSize(1);
        assertThat(OdooWire.withoutId(odoo.bodies().get(0))).isEqualTo(OdooWire.withoutId(exchange.request()));
    }

    @Test
    void writingToADeletedRecordIsAMissingRecordNamingIt() {
        OdooRecording.Exchange exchange = Recordings.step("rpc/errors.json", "write to the deleted id");
        odoo.answerJsonRpc(exchange.response());

        Throwable failure = failure(recordedJsonRpc().write("res.partner", List.of(15L), Map.of("name", "x")));

        assertThat(failure).isInstanceOf(OdooMissingRecordException.class)
                .hasMessageContaining("res.partner.write")
                .hasMessageContaining("Record does not exist or has been deleted.\n(Record: res.partner(15,), User: 2)");
    }

    @Test
    void aJsonBodyThatIsNotAJsonRpcCallIsATypeError() {
        JsonNode recorded = Recordings.rawStep("rpc/errors.json", "JSON body that is not a JSON-RPC call (raw HTTP)");
        odoo.answerJsonRpc(recorded.path("response"));

        Throwable failure = failure(recordedJsonRpc().read("stock.picking", List.of(11L), List.of("name")));

        assertThat(failure).isInstanceOf(OdooValidationException.class);
        assertThat(((OdooException) failure).odooName()).contains("builtins.TypeError");
        assertThat(((OdooException) failure).odooMessage())
                .isEqualTo("RPC.jsonrpc() missing 3 required positional arguments: 'service', 'method', and 'args'");
    }

    @ParameterizedTest
    @ValueSource(strings = {"malformed JSON body (raw HTTP)", "GET instead of POST (raw HTTP)"})
    void aNonJsonAnswerIsAProtocolErrorAndIsNotRetried(String step) {
        JsonNode raw = Recordings.rawStep("rpc/errors.json", step).path("response_raw");
        odoo.answerAny(aResponse().withStatus(raw.path("status").asInt())
                .withHeader("Content-Type", "text/html; charset=utf-8")
                .withHeader("Connection", "close")
                .withBody(raw.path("body").asText()));

        Throwable failure = failure(recordedJsonRpc().read("stock.picking", List.of(11L), List.of("name")));

        assertThat(failure).isInstanceOf(OdooProtocolException.class)
                .hasMessageContaining("HTTP 400")
                .hasMessageContaining(raw.path("body").asText().lines().findFirst().orElseThrow());
        assertThat(((OdooException) failure).error().httpStatus()).isEqualTo(400);
        assertThat(odoo.requests()).hasSize(1);
    }

    @Test
    void aMethodReturningNoneGivesAnEmptyResult() {
        OdooRecording.Exchange exchange = Recordings.step("rpc/errors.json",
                "method that returns None (done picking): response has no \"result\" key");
        assertThat(exchange.response().has("result")).isFalse();
        odoo.answerJsonRpc(exchange.response());

        assertThat(await(recordedJsonRpc().call("stock.picking", "action_put_in_pack", List.of(List.of(14)), null)))
                .isEmpty();
    }

    @Test
    void otherRecordedEnvelopesMapToo() {
        OdooRecording.Exchange missingField = Recordings.errorEnvelopes("rpc/activity.json").get(0);
        odoo.answerJsonRpc(missingField.response());

        Map<?, ?> values = (Map<?, ?>) Recordings.positional(missingField).get(0);

        Throwable failure = failure(recordedJsonRpc().create("mail.activity", castValues(values)));

        assertThat(failure).isInstanceOf(OdooValidationException.class);
        assertThat(((OdooException) failure).odooName()).contains("odoo.exceptions.ValidationError");
        assertThat(odoo.requests()).hasSize(1);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, ?> castValues(Map<?, ?> values) {
        return (Map<String, ?>) values;
    }
}
