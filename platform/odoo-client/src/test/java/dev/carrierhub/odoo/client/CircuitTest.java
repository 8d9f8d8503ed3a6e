package dev.carrierhub.odoo.client;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** A connection's circuit opens after repeated transient failures, stops sending, and closes once Odoo is back. */
class CircuitTest extends ClientFixture {
    private static final JsonNode COUNT = OdooWire.parse("{\"jsonrpc\": \"2.0\", \"id\": 1, \"result\": 12}");

    @Override
    OdooResilience resilience() {
        return new OdooResilience(1, Duration.ZERO, Duration.ZERO, 0, 3, Duration.ofMillis(500));
    }

    private void odooDown() {
        odoo.server.resetAll();
        odoo.answerAny(aResponse().withStatus(503).withHeader("Content-Type", "text/html").withBody("down"));
    }

    private void odooUp() {
        odoo.server.resetAll();
        odoo.answerAny(OdooWire.odooJson(200, COUNT));
    }

    @Test
    void opensAfterRepeatedFailuresThenClosesWhenOdooAnswersAgain() {
        OdooClient client = recordedJsonRpc();
        odooDown();
        for (int i = 0; i < 3; i++) {
            assertThat(failure(client.searchCount("stock.picking", List.of())))
                    .isExactlyInstanceOf(OdooTransientException.class);
        }

        Throwable rejected = failure(client.searchCount("stock.picking", List.of()));

        assertThat(rejected).isInstanceOf(OdooCircuitOpenException.class);
        assertThat(((OdooCircuitOpenException) rejected).mayHaveExecuted()).isFalse();
        assertThat(((OdooCircuitOpenException) rejected).retryAfter()).hasValueSatisfying(
                wait -> assertThat(wait).isPositive().isLessThanOrEqualTo(Duration.ofMillis(500)));
        assertThat(client.circuitState()).isEqualTo(OdooCircuitState.OPEN);
        assertThat(odoo.requests()).as("an open circuit sends nothing").hasSize(3);

        odooUp();
        Awaitility.await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(50)).untilAsserted(() ->
                assertThat(client.searchCount("stock.picking", List.of()).onFailure().recoverWithNull()
                        .await().atMost(Duration.ofSeconds(2))).isEqualTo(12L));
        assertThat(client.circuitState()).isEqualTo(OdooCircuitState.CLOSED);
    }

    @Test
    void errorAnswersFromOdooDoNotOpenTheCircuit() {
        OdooClient client = recordedJsonRpc();
        odoo.answerJsonRpc(Recordings.step("rpc/errors.json", "unknown model").response());

        for (int i = 0; i < 5; i++) {
            assertThat(failure(client.call("x_no.such.model", "search", List.of(List.of()), null)))
                    .isInstanceOf(OdooValidationException.class);
        }

        assertThat(client.circuitState()).isEqualTo(OdooCircuitState.CLOSED);
        assertThat(odoo.requests()).hasSize(5);
    }

    @Test
    void eachConnectionHasItsOwnCircuit() {
        OdooClient tenantA = recordedJsonRpc();
        OdooClient tenantB = clients.client(OdooConnection.jsonRpc(odoo.url(), "other", 2L, "admin", TIMEOUT));
        odooDown();
        for (int i = 0; i < 3; i++) {
            failure(tenantA.searchCount("stock.picking", List.of()));
        }
        odooUp();

        assertThat(tenantA.circuitState()).isEqualTo(OdooCircuitState.OPEN);
        assertThat(await(tenantB.searchCount("stock.picking", List.of()))).isEqualTo(12L);
    }
}
