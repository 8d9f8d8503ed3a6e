package dev.carrierhub.odoo.client;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.carrierhub.odoo.recordings.OdooRecording;
import io.smallrye.mutiny.Uni;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Golden requests: for every execute_kw call recorded against Odoo 18, the client's typed operation sends the very
 * same JSON-RPC body (bar the request id) and makes sense of the recorded answer.
 */
class RecordedRequestsTest extends ClientFixture {
    private static final List<String> FILES = List.of("rpc/enrich-picking.json", "rpc/enrich-nonascii.json",
            "rpc/enrich-packages.json", "rpc/poll-search-read.json", "rpc/writeback.json", "rpc/activity.json",
            "rpc/concurrency.json", "rpc/errors.json");

    static Stream<Arguments> exchanges() {
        return FILES.stream().flatMap(file -> OdooRecording.load(file).exchanges().stream()
                .filter(exchange -> exchange.model() != null)
                .filter(exchange -> "odootest".equals(exchange.request().path("params").path("args").path(0).asText()))
                .filter(exchange -> "admin".equals(exchange.request().path("params").path("args").path(2).asText()))
                .map(exchange -> Arguments.of(file + ": " + exchange.step(), exchange)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("exchanges")
    void sendsTheRecordedRequestAndReadsTheRecordedAnswer(String name, OdooRecording.Exchange exchange) {
        odoo.answerJsonRpc(exchange.response());

        Uni<?> operation = typedOperation(recordedJsonRpc(), exchange);
        JsonNode error = exchange.response().path("error");
        if (error.isObject()) {
            Throwable failure = failure(operation);
            assertThat(failure).isInstanceOf(OdooException.class);
            assertThat(((OdooException) failure).odooName()).contains(error.path("data").path("name").asText());
        } else {
            Object result = await(operation);
            assertResult(exchange, result);
        }
        assertThat(odoo.bodies()).hasSize(1);
        assertThat(OdooWire.withoutId(odoo.bodies().get(0))).isEqualTo(OdooWire.withoutId(exchange.request()));
    }

    /** The client operation a service would use for this call. */
    private static Uni<?> typedOperation(OdooClient client, OdooRecording.Exchange exchange) {
        JsonNode args = exchange.positionalArgs();
        Map<String, Object> kwargs = Recordings.keywords(exchange);
        JsonNode kw = exchange.request().path("params").path("args").path(6);
        String model = exchange.model();
        return switch (exchange.method()) {
            case "read" -> client.read(model, Recordings.ids(args.path(0)), Recordings.strings(kw.path("fields")));
            case "search_read" -> client.searchRead(model, (List<?>) Recordings.positional(exchange).get(0),
                    Recordings.strings(kw.path("fields")), kw.path("offset").asInt(0), kw.path("limit").asInt(0),
                    kw.path("order").isTextual() ? kw.path("order").asText() : null);
            case "search_count" -> client.searchCount(model, (List<?>) Recordings.positional(exchange).get(0));
            case "create" -> client.create(model, OdooWire.JSON.convertValue(args.path(0), Map.class));
            case "write" -> client.write(model, Recordings.ids(args.path(0)),
                    OdooWire.JSON.convertValue(args.path(1), Map.class));
            default -> client.call(model, exchange.method(), Recordings.positional(exchange), kwargs);
        };
    }

    private static void assertResult(OdooRecording.Exchange exchange, Object result) {
        JsonNode expected = exchange.response().get("result");
        switch (exchange.method()) {
            case "read", "search_read" -> {
                List<?> records = (List<?>) result;
                assertThat(records).hasSize(expected.size());
                for (int i = 0; i < records.size(); i++) {
                    OdooRecord record = (OdooRecord) records.get(i);
                    assertThat(record.id()).isEqualTo(expected.get(i).path("id").asLong());
                    assertThat(OdooWire.plain(record.raw())).isEqualTo(expected.get(i));
                }
            }
            case "search_count", "create" -> assertThat(result).isEqualTo(expected.asLong());
            case "write" -> assertThat(result).isNull();
            default -> {
                Optional<?> value = (Optional<?>) result;
                if (expected == null) {
                    assertThat(value).isEmpty();
                } else {
                    assertThat(value).hasValueSatisfying(v -> assertThat(OdooWire.plain((JsonNode) v)).isEqualTo(expected));
                }
            }
        }
    }
}
