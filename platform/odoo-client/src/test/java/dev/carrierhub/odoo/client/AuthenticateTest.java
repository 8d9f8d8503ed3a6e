package dev.carrierhub.odoo.client;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.carrierhub.odoo.recordings.OdooRecording;
import java.util.List;
import org.junit.jupiter.api.Test;

/** JSON-RPC authentication: login + API key to uid, once; a rejected key is an access failure, not a result. */
class AuthenticateTest extends ClientFixture {

    private OdooClient byLogin(String key) {
        return clients.client(OdooConnection.jsonRpc(odoo.url(), "odootest", "admin", key, TIMEOUT));
    }

    private void answer(String service, JsonNode body) {
        odoo.server.stubFor(post(urlEqualTo("/jsonrpc"))
                .withRequestBody(matchingJsonPath("$.params.service", equalTo(service)))
                .willReturn(OdooWire.odooJson(200, body)));
    }

    private int callsTo(String service) {
        return odoo.server.countRequestsMatching(postRequestedFor(urlEqualTo("/jsonrpc"))
                .withRequestBody(matchingJsonPath("$.params.service", equalTo(service))).build()).getCount();
    }

    @Test
    void aWrongPasswordIsAnAccessExceptionAndTheRequestIsTheRecordedOne() {
        OdooRecording.Exchange exchange = Recordings.step("rpc/errors.json",
                "common.authenticate with a wrong password (no error: result false)");
        odoo.answerJsonRpc(exchange.response());

        Throwable failure = failure(byLogin("wrong-password").authenticate());

        assertThat(failure).isInstanceOf(OdooAccessException.class).hasMessageContaining("Access Denied");
        assertThat(failure.getMessage()).doesNotContain("wrong-password");
        assertThat(((OdooException) failure).odooName()).isEmpty();
        assertThat(odoo.bodies()).hasSize(1);
        assertThat(OdooWire.withoutId(odoo.bodies().get(0))).isEqualTo(OdooWire.withoutId(exchange.request()));
    }

    @Test
    void aLoginIsAuthenticatedOnceAndItsUidUsedForEveryCall() {
        answer("common", OdooWire.parse("{\"jsonrpc\": \"2.0\", \"id\": 1, \"result\": 2}"));
        answer("object", Recordings.step("rpc/enrich-picking.json", "res.country read (ship-to country code)").response());
        OdooClient client = byLogin("admin");

        await(client.read("res.country", List.of(233L), List.of("code", "name")));
        List<OdooRecord> second = await(client.read("res.country", List.of(233L), List.of("code", "name")));

        assertThat(second.get(0).text("code")).contains("US");
        assertThat(callsTo("common")).isEqualTo(1);
        assertThat(callsTo("object")).isEqualTo(2);
        assertThat(odoo.bodies()).filteredOn(body -> body.at("/params/service").asText().equals("object"))
                .allSatisfy(body -> assertThat(body.at("/params/args/1").asLong()).isEqualTo(2));
    }

    @Test
    void authenticateReturnsTheUid() {
        answer("common", OdooWire.parse("{\"jsonrpc\": \"2.0\", \"id\": 1, \"result\": 7}"));

        assertThat(await(byLogin("admin").authenticate())).isEqualTo(7L);
        assertThat(odoo.bodies().get(0).at("/params/args")).isEqualTo(OdooWire.parse("[\"odootest\", \"admin\", \"admin\", {}]"));
    }

    @Test
    void aRejectedLoginFailsTheCallThatNeededIt() {
        answer("common", OdooWire.parse("{\"jsonrpc\": \"2.0\", \"id\": 1, \"result\": false}"));

        assertThat(failure(byLogin("revoked").read("res.country", List.of(233L), List.of("code"))))
                .isInstanceOf(OdooAccessException.class);
        assertThat(callsTo("object")).isZero();
    }

    @Test
    void withAKnownUidAuthenticateChecksTheKeyWithoutALogin() {
        OdooRecording.Exchange denied = Recordings.step("rpc/errors.json", "execute_kw with a wrong password");
        odoo.answerJsonRpc(denied.response());

        Throwable failure = failure(clients.client(OdooConnection.jsonRpc(odoo.url(), "odootest", 2L, "wrong-password",
                TIMEOUT)).authenticate());

        assertThat(failure).isInstanceOf(OdooAccessException.class);
        assertThat(((OdooException) failure).odooName()).contains("odoo.exceptions.AccessDenied");
        assertThat(callsTo("common")).isZero();
    }

    @Test
    void versionReadsServerVersionInfo() {
        answer("common", OdooWire.parse("{\"jsonrpc\": \"2.0\", \"id\": 1, \"result\": {\"server_version\": "
                + "\"18.0-20250506\", \"server_version_info\": [18, 0, 0, \"final\", 0, \"\"], \"server_serie\": \"18.0\", "
                + "\"protocol_version\": 1}}"));

        OdooVersion version = await(recordedJsonRpc().version());

        assertThat(version.serverVersion()).isEqualTo("18.0-20250506");
        assertThat(version.serverVersionInfo()).containsExactly(18, 0, 0, "final", 0, "");
        assertThat(version.major()).isEqualTo(18);
        assertThat(version.supportsJson2()).isFalse();
        assertThat(odoo.bodies().get(0).at("/params/method").asText()).isEqualTo("version");
    }
}
