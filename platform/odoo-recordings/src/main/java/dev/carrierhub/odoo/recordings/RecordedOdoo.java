package dev.carrierhub.odoo.recordings;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.net.URI;

/**
 * A stand-in Odoo that answers JSON-RPC reads with what a real Odoo 18 answered when it was recorded.
 * Any read it has no recording for returns {@code []}, which is how Odoo answers for a record that does
 * not exist or is not committed yet.
 */
public final class RecordedOdoo implements AutoCloseable {
    private static final String EMPTY_RESULT = "{\"jsonrpc\": \"2.0\", \"id\": 1, \"result\": []}";
    private final WireMockServer server;

    public RecordedOdoo() {
        server = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort().maxRequestJournalEntries(10_000)
                .containerThreads(16));
    }

    public RecordedOdoo start() {
        server.start();
        server.stubFor(post(urlEqualTo("/jsonrpc")).atPriority(10)
                .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody(EMPTY_RESULT)));
        return this;
    }

    /** Replays every {@code read} of the recording, matched on model and ids. */
    public RecordedOdoo replayReads(String recordingName) {
        for (OdooRecording.Exchange exchange : OdooRecording.load(recordingName).exchanges()) {
            if (exchange.model() == null || !"read".equals(exchange.method())) {
                continue;
            }
            server.stubFor(post(urlEqualTo("/jsonrpc")).atPriority(1)
                    .withRequestBody(matchingJsonPath("$.params.args[3]", equalTo(exchange.model())))
                    .withRequestBody(matchingJsonPath("$.params.args[4]", equalTo("read")))
                    .withRequestBody(matchingJsonPath("$.params.args[5]", equalToJson(exchange.positionalArgs().toString())))
                    .willReturn(aResponse().withHeader("Content-Type", "application/json; charset=utf-8")
                            .withBody(exchange.response().toString())));
        }
        return this;
    }

    /** How many reads of {@code model} this Odoo has answered. */
    public int readsOf(String model) {
        return server.countRequestsMatching(postRequestedFor(urlEqualTo("/jsonrpc"))
                .withRequestBody(matchingJsonPath("$.params.args[3]", equalTo(model))).build()).getCount();
    }

    public URI url() {
        return URI.create("http://127.0.0.1:" + server.port());
    }

    @Override
    public void close() {
        server.stop();
    }
}
