package dev.carrierhub.odoo.client;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.List;

/** A WireMock server that plays Odoo, with helpers to answer like it and to read back what it was sent. */
final class OdooWire implements AutoCloseable {
    /** Plain Jackson, as a test reads JSON: floats as doubles, so recorded and sent bodies compare equal. */
    static final ObjectMapper JSON = new ObjectMapper();
    final WireMockServer server = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());

    OdooWire() {
        server.start();
    }

    URI url() {
        return URI.create("http://127.0.0.1:" + server.port());
    }

    /** Odoo's /jsonrpc answer: 200, raw UTF-8 JSON and "Connection: close", as Werkzeug sends it. */
    static ResponseDefinitionBuilder odooJson(int status, JsonNode body) {
        return aResponse().withStatus(status)
                .withHeader("Content-Type", "application/json; charset=utf-8")
                .withHeader("Connection", "close")
                .withBody(body.toString());
    }

    /** Answers every /jsonrpc request with this body. */
    void answerJsonRpc(JsonNode body) {
        server.stubFor(post(urlEqualTo("/jsonrpc")).willReturn(odooJson(200, body)));
    }

    void answerAny(ResponseDefinitionBuilder response) {
        server.stubFor(any(anyUrl()).willReturn(response));
    }

    List<LoggedRequest> requests() {
        return server.findAll(anyRequestedFor(anyUrl()));
    }

    /** The JSON bodies received, in order. */
    List<JsonNode> bodies() {
        return requests().stream().map(request -> parse(request.getBodyAsString())).toList();
    }

    static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A JSON-RPC body without its request id, which only pairs a request with its answer. */
    static JsonNode withoutId(JsonNode body) {
        ObjectNode copy = body.deepCopy();
        copy.remove("id");
        return copy;
    }

    /** Re-reads a value the client parsed (exact decimals) the way the test parses recordings (doubles). */
    static JsonNode plain(JsonNode value) {
        return parse(value.toString());
    }

    @Override
    public void close() {
        server.stop();
    }
}
