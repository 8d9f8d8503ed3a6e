package dev.carrierhub.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.carrierhub.odoo.recordings.OdooRecording;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * An Odoo for load runs: answers JSON-RPC reads with the recorded answers, and a read of any picking with
 * the recorded picking under the id asked for, so every webhook of a load run is a picking of its own; write-backs
 * are answered as Odoo would (a new id for a created record or note, true for a write).
 * Each request is parsed once and looked up in a map, so the stand-in costs little of the machine the
 * service under test runs on (WireMock's matching of every stub against every request would cost most).
 */
final class ReplayingOdooServer implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final byte[] EMPTY = "{\"jsonrpc\": \"2.0\", \"id\": 1, \"result\": []}".getBytes(StandardCharsets.UTF_8);

    private final Map<String, byte[]> reads = new HashMap<>();
    private final ObjectNode anyPicking;
    private final HttpServer server;
    private final ExecutorService executor;
    private volatile Duration latency = Duration.ZERO;
    private final java.util.concurrent.atomic.AtomicLong nextId = new java.util.concurrent.atomic.AtomicLong(1_000_000);

    /** Serves the reads of {@code recording}; a picking of any id reads as the recorded {@code pickingId}. */
    ReplayingOdooServer(String recording, long pickingId) {
        ObjectNode picking = null;
        for (OdooRecording.Exchange exchange : OdooRecording.load(recording).exchanges()) {
            if (exchange.model() != null && "read".equals(exchange.method())) {
                reads.put(key(exchange.model(), exchange.positionalArgs().get(0)),
                        exchange.response().toString().getBytes(StandardCharsets.UTF_8));
                JsonNode result = exchange.response().path("result");
                if ("stock.picking".equals(exchange.model()) && result.size() == 1
                        && result.get(0).path("id").asLong() == pickingId) {
                    picking = (ObjectNode) result.get(0);
                }
            }
        }
        if (picking == null) {
            throw new IllegalArgumentException("no read of picking " + pickingId + " in " + recording);
        }
        anyPicking = picking;
        // Nagle off: the JDK server writes headers and body apart, and each answer would wait for a delayed ACK.
        System.setProperty("sun.net.httpserver.nodelay", "true");
        // Threads that wait out the configured latency: enough for the intake's concurrent reads.
        executor = Executors.newFixedThreadPool(64);
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 256);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/jsonrpc", this::answer);
        server.setExecutor(executor);
        server.start();
    }

    /** How long each answer takes from now on, like a real Odoo's (a picking read takes about 40 ms). */
    void latency(Duration latency) {
        this.latency = latency;
    }

    URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    private void answer(HttpExchange exchange) throws IOException {
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = answerTo(JSON.readTree(in));
        }
        if (!latency.isZero()) {
            try {
                Thread.sleep(latency.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        exchange.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private byte[] answerTo(JsonNode request) throws IOException {
        JsonNode args = request.path("params").path("args");
        String model = args.path(3).asText();
        String method = args.path(4).asText();
        if (!"read".equals(method)) {
            return answerToWrite(method, request.path("id").asLong());
        }
        byte[] recorded = reads.get(key(model, args.path(5).path(0)));
        if (recorded != null) {
            return recorded;
        }
        if ("stock.picking".equals(model) && args.path(5).path(0).size() == 1) {
            long id = args.path(5).path(0).get(0).asLong();
            ObjectNode picking = anyPicking.deepCopy().put("id", id).put("name", "WH/OUT/" + id);
            ObjectNode response = JSON.createObjectNode().put("jsonrpc", "2.0").put("id", request.path("id").asLong());
            response.putArray("result").add(picking);
            return JSON.writeValueAsBytes(response);
        }
        return EMPTY;
    }

    /**
     * What Odoo answers a write-back: {@code create} and {@code message_post} the new record's id, {@code write}
     * true; anything else an empty result.
     */
    private byte[] answerToWrite(String method, long requestId) throws IOException {
        ObjectNode response = JSON.createObjectNode().put("jsonrpc", "2.0").put("id", requestId);
        switch (method) {
            case "create", "message_post" -> response.put("result", nextId.incrementAndGet());
            case "write" -> response.put("result", true);
            default -> {
                return EMPTY;
            }
        }
        return JSON.writeValueAsBytes(response);
    }

    private static String key(String model, JsonNode ids) {
        return model + " " + ids;
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
