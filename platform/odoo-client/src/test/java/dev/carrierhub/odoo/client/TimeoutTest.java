package dev.carrierhub.odoo.client;

import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The connection's timeout bounds each attempt; a timed-out create is not repeated, a read is. */
class TimeoutTest extends ClientFixture {
    private static final Duration SHORT = Duration.ofMillis(500);
    private static final JsonNode READ_RESULT = OdooWire.parse(
            "{\"jsonrpc\": \"2.0\", \"id\": 1, \"result\": [{\"id\": 11, \"name\": \"WH/OUT/00011\"}]}");

    @BeforeEach
    void warmUp() {
        // WireMock's and Vert.x's first exchange in a fresh JVM can take longer than the timeout under test.
        odoo.answerAny(OdooWire.odooJson(200, READ_RESULT));
        await(recordedJsonRpc().read("stock.picking", List.of(11L), List.of("name")));
        odoo.server.resetAll();
    }

    private OdooClient impatient() {
        return clients.client(OdooConnection.jsonRpc(odoo.url(), "odootest", 2L, "admin", SHORT));
    }

    @Test
    void aSlowAnswerTimesOutWithinTheTimeout() {
        odoo.answerAny(OdooWire.odooJson(200, READ_RESULT).withFixedDelay(1_500));
        OdooClient client = impatient();
        long started = System.nanoTime();

        Throwable failure = failure(client.call("stock.picking", "button_validate", List.of(List.of(11)), Map.of()));

        Duration took = Duration.ofNanos(System.nanoTime() - started);
        assertThat(failure).isInstanceOf(OdooTimeoutException.class).hasMessageContaining("500 ms");
        assertThat(((OdooTimeoutException) failure).mayHaveExecuted()).isTrue();
        assertThat(took).isGreaterThanOrEqualTo(SHORT).isLessThan(Duration.ofMillis(1_400));
        assertThat(odoo.requests()).hasSize(1);
    }

    @Test
    void aReadThatTimedOutIsRetried() {
        odoo.server.stubFor(post(urlEqualTo("/jsonrpc")).inScenario("slow").whenScenarioStateIs(STARTED)
                .willReturn(OdooWire.odooJson(200, READ_RESULT).withFixedDelay(1_500)).willSetStateTo("fast"));
        odoo.server.stubFor(post(urlEqualTo("/jsonrpc")).inScenario("slow").whenScenarioStateIs("fast")
                .willReturn(OdooWire.odooJson(200, READ_RESULT)));

        assertThat(await(impatient().read("stock.picking", List.of(11L), List.of("name")))).hasSize(1);
        assertThat(odoo.requests()).hasSize(2);
    }

    @Test
    void aCreateThatTimedOutIsNotRepeated() {
        odoo.answerAny(OdooWire.odooJson(200, OdooWire.parse("{\"jsonrpc\": \"2.0\", \"id\": 1, \"result\": 15}"))
                .withFixedDelay(1_500));

        assertThat(failure(impatient().create("res.partner", Map.of("name", "Temp"))))
                .isInstanceOf(OdooTimeoutException.class);
        assertThat(odoo.requests()).hasSize(1);
    }
}
