package dev.carrierhub.odoo.recordings;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * A stand-in Odoo that answers JSON-RPC reads with what a real Odoo 18 answered when it was recorded.
 * Any read it has no recording for returns {@code []}, which is how Odoo answers for a record that does
 * not exist or is not committed yet. {@link #replayCalls} adds the recorded answers to other calls
 * (write, create, message_post, activity_schedule, searches), and {@link #calls} tells what was asked.
 */
public final class RecordedOdoo implements AutoCloseable {
    private static final String EMPTY_RESULT = "{\"jsonrpc\": \"2.0\", \"id\": 1, \"result\": []}";
    /** Between the recorded reads (1) and the empty default (10); a test's own stubs can go above both. */
    private static final int CALL_PRIORITY = 5;
    private static final ObjectMapper MAPPER = new ObjectMapper();
    /** The id of stock.picking's state "cancel" and of the rule made for it (neither was recorded). */
    public static final long CANCEL_SELECTION_ID = 1646;
    public static final long CANCEL_RULE_ID = 8;
    private final WireMockServer server;
    /**
     * Every JSON-RPC request with the status it was answered with, in arrival order. Kept apart from WireMock's
     * journal, which is bounded (a long load run would silently lose its oldest calls from {@link #calls}).
     */
    private final Queue<Received> received = new ConcurrentLinkedQueue<>();

    public RecordedOdoo() {
        this(10_000);
    }

    /** With WireMock's own journal (for {@link #server()}'s verifications) bounded to {@code journalEntries}. */
    RecordedOdoo(int journalEntries) {
        server = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort()
                .maxRequestJournalEntries(journalEntries).containerThreads(16));
        server.addMockServiceRequestListener((request, response) -> {
            if ("/jsonrpc".equals(request.getUrl())) {
                received.add(new Received(request.getBodyAsString(), response.getStatus()));
            }
        });
    }

    /** One request as it arrived; parsed only when {@link #calls} is asked, off the server's threads. */
    private record Received(String body, int status) {
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

    /**
     * Replays every call of the recording other than {@code read} (write, create, message_post,
     * activity_schedule, search_read, ...), matched on model and method only, whatever the arguments: the
     * first recorded answer of each model and method is the one given (a later, failing variant of the same
     * call is left out).
     */
    public RecordedOdoo replayCalls(String recordingName) {
        Set<String> seen = new HashSet<>();
        for (OdooRecording.Exchange exchange : OdooRecording.load(recordingName).exchanges()) {
            if (exchange.model() == null || "read".equals(exchange.method())
                    || !seen.add(exchange.model() + "." + exchange.method())) {
                continue;
            }
            server.stubFor(post(urlEqualTo("/jsonrpc")).atPriority(CALL_PRIORITY)
                    .withRequestBody(matchingJsonPath("$.params.args[3]", equalTo(exchange.model())))
                    .withRequestBody(matchingJsonPath("$.params.args[4]", equalTo(exchange.method())))
                    .willReturn(aResponse().withHeader("Content-Type", "application/json; charset=utf-8")
                            .withBody(exchange.response().toString())));
        }
        return this;
    }

    /**
     * Answers what setting up automation rules asks, from the calls recorded when the "ready" and "done"
     * rules were created: the server version (18.0), the stock.picking model id (recorded with search,
     * answered here to search_read), its field ids, the ids of the states assigned and done (and cancel,
     * which was not recorded: {@value #CANCEL_SELECTION_ID}), and a rule id for each created rule (5 for
     * assigned and 7 for done as recorded, {@value #CANCEL_RULE_ID} for cancel). Rules are not kept: a
     * search for an existing rule finds none until a test stubs one.
     */
    public RecordedOdoo replayRuleSetup() {
        OdooRecording ready = OdooRecording.load("webhook/picking-assigned-fields.json");
        OdooRecording done = OdooRecording.load("webhook/picking-done-multipackage.json");
        server.stubFor(post(urlEqualTo("/jsonrpc")).atPriority(CALL_PRIORITY)
                .withRequestBody(matchingJsonPath("$.params.service", equalTo("common")))
                .withRequestBody(matchingJsonPath("$.params.method", equalTo("version")))
                .willReturn(result("{\"server_version\": \"18.0-20250506\", "
                        + "\"server_version_info\": [18, 0, 0, \"final\", 0, \"\"]}")));
        answer("ir.model", "search_read", "[{\"id\": " + ruleResult(ready, "ir.model", "search").get(0).asLong()
                + ", \"model\": \"stock.picking\"}]");
        answer("ir.model.fields", "search_read", ruleResult(ready, "ir.model.fields", "search_read").toString());
        JsonNode assigned = ruleResult(ready, "ir.model.fields.selection", "search_read");
        JsonNode validated = ruleResult(done, "ir.model.fields.selection", "search_read");
        answerSelection("assigned", assigned.toString());
        answerSelection("done", validated.toString());
        answerSelection("cancel", "[{\"id\": " + CANCEL_SELECTION_ID + ", \"value\": \"cancel\", \"name\": \"Cancelled\"}]");
        answerRuleCreate(assigned.get(0).path("id").asLong(), ruleResult(ready, "base.automation", "create").asLong());
        answerRuleCreate(validated.get(0).path("id").asLong(), ruleResult(done, "base.automation", "create").asLong());
        answerRuleCreate(CANCEL_SELECTION_ID, CANCEL_RULE_ID);
        return this;
    }

    private static JsonNode ruleResult(OdooRecording recording, String model, String method) {
        return recording.ruleExchanges().stream().filter(e -> model.equals(e.model()) && method.equals(e.method()))
                .findFirst().orElseThrow().response().path("result");
    }

    private void answer(String model, String method, String result) {
        server.stubFor(post(urlEqualTo("/jsonrpc")).atPriority(CALL_PRIORITY)
                .withRequestBody(matchingJsonPath("$.params.args[3]", equalTo(model)))
                .withRequestBody(matchingJsonPath("$.params.args[4]", equalTo(method)))
                .willReturn(result(result)));
    }

    private void answerSelection(String value, String result) {
        server.stubFor(post(urlEqualTo("/jsonrpc")).atPriority(CALL_PRIORITY - 1)
                .withRequestBody(matchingJsonPath("$.params.args[3]", equalTo("ir.model.fields.selection")))
                .withRequestBody(matchingJsonPath("$.params.args[5][0][1][2]", equalTo(value)))
                .willReturn(result(result)));
    }

    private void answerRuleCreate(long selectionId, long ruleId) {
        server.stubFor(post(urlEqualTo("/jsonrpc")).atPriority(CALL_PRIORITY - 1)
                .withRequestBody(matchingJsonPath("$.params.args[3]", equalTo("base.automation")))
                .withRequestBody(matchingJsonPath("$.params.args[4]", equalTo("create")))
                .withRequestBody(matchingJsonPath("$.params.args[5][0].trg_selection_field_id",
                        equalTo(Long.toString(selectionId))))
                .willReturn(result(Long.toString(ruleId))));
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder result(String result) {
        return aResponse().withHeader("Content-Type", "application/json; charset=utf-8")
                .withBody("{\"jsonrpc\": \"2.0\", \"id\": 1, \"result\": " + result + "}");
    }

    /** The WireMock server behind this Odoo, for a test's own stubs (outages, errors, other endpoints). */
    public WireMockServer server() {
        return server;
    }

    /** Every {@code execute_kw} call this Odoo received, oldest first, however many there were. */
    public List<Call> calls() {
        List<Call> calls = new ArrayList<>();
        for (Received request : received) {
            JsonNode body;
            try {
                body = MAPPER.readTree(request.body());
            } catch (IOException e) {
                continue;
            }
            JsonNode args = body.path("params").path("args");
            if ("execute_kw".equals(body.path("params").path("method").asText())) {
                calls.add(new Call(args.path(3).asText(), args.path(4).asText(), args.path(5), args.path(6),
                        request.status()));
            }
        }
        return calls;
    }

    /** The {@code execute_kw} calls of one model and method, oldest first. */
    public List<Call> calls(String model, String method) {
        return calls().stream().filter(call -> call.model().equals(model) && call.method().equals(method)).toList();
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

    /**
     * One {@code execute_kw} call as received: {@code args} are the positional arguments, {@code kwargs} the
     * named ones, {@code status} the HTTP status answered.
     */
    public record Call(String model, String method, JsonNode args, JsonNode kwargs, int status) {
    }
}
