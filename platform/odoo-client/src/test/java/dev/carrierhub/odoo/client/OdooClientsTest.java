package dev.carrierhub.odoo.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The per-connection cache, and the connection settings' own checks. */
class OdooClientsTest extends ClientFixture {
    private static final URI URL = URI.create("https://odoo.example.com");

    @Test
    void theSameConnectionGetsTheSameClient() {
        OdooConnection tenant = OdooConnection.jsonRpc(URL, "acme", "integration", "key-1", TIMEOUT);

        assertThat(clients.client(tenant)).isSameAs(clients.client(
                OdooConnection.jsonRpc(URL, "acme", "integration", "key-1", TIMEOUT)));
        assertThat(clients.client(tenant)).isNotSameAs(clients.client(
                OdooConnection.jsonRpc(URL, "globex", "integration", "key-1", TIMEOUT)));
        assertThat(clients.client(tenant).connection()).isEqualTo(tenant);
    }

    @Test
    void aRotatedKeyOrAnEvictionGivesAFreshClient() {
        OdooConnection tenant = OdooConnection.json2(URL, "acme", "key-1", TIMEOUT);
        OdooClient first = clients.client(tenant);

        assertThat(clients.client(OdooConnection.json2(URL, "acme", "key-2", TIMEOUT))).isNotSameAs(first);
        clients.evict(tenant);
        assertThat(clients.client(tenant)).isNotSameAs(first);
    }

    @Test
    void connectionsReusedAcrossCallsEvenWhenOdooClosesEachOne() {
        // Werkzeug answers /jsonrpc with "Connection: close": the pool must not hand out the closed connection.
        JsonNode count = OdooWire.parse("{\"jsonrpc\": \"2.0\", \"id\": 1, \"result\": 12}");
        odoo.answerJsonRpc(count);
        OdooClient client = recordedJsonRpc();

        for (int i = 0; i < 5; i++) {
            assertThat(await(client.searchCount("stock.picking", List.of()))).isEqualTo(12L);
        }
        assertThat(odoo.requests()).hasSize(5);
    }

    @Test
    void theKeyNeverShowsInToString() {
        OdooConnection connection = OdooConnection.jsonRpc(URL, "acme", "integration", "s3cr3t-key", TIMEOUT);

        assertThat(connection.toString()).doesNotContain("s3cr3t-key").contains("acme");
        assertThat(connection.label()).isEqualTo("acme@odoo.example.com");
    }

    @Test
    void badSettingsAreRefusedUpFront() {
        assertThatThrownBy(() -> OdooConnection.jsonRpc(URI.create("ftp://odoo"), "acme", "u", "k", TIMEOUT))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> OdooConnection.jsonRpc(URL, "", "u", "k", TIMEOUT))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("database");
        assertThatThrownBy(() -> new OdooConnection(URL, "acme", "k", null, null, OdooProtocol.JSON_RPC, TIMEOUT))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("login or uid");
        assertThatThrownBy(() -> OdooConnection.json2(URL, null, " ", TIMEOUT))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("API key");
        assertThatThrownBy(() -> OdooConnection.json2(URL, null, "k", Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("timeout");
    }

    @Test
    void aTrailingSlashOrAPathPrefixInTheUrlIsKept() {
        assertThat(OdooConnection.json2(URI.create("https://erp.example.com/odoo/"), null, "k", TIMEOUT).baseUrl())
                .isEqualTo("https://erp.example.com/odoo");
    }

    @Test
    void modelAndMethodNamesCannotEscapeThePath() {
        assertThatThrownBy(() -> await(clients.client(OdooConnection.json2(URL, null, "k", TIMEOUT))
                .call("res.partner/../../web", "read", List.of(), null)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
