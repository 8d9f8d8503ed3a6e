package dev.carrierhub.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class OpenLoopLoadTest {
    /** What the server was sent: written on its event loop, read by the test. */
    private final ConcurrentLinkedQueue<Received> received = new ConcurrentLinkedQueue<>();
    private Vertx serverVertx;
    private HttpServer server;
    private volatile long answerDelayMillis;

    @BeforeEach
    void startServer() throws Exception {
        serverVertx = Vertx.vertx();
        server = serverVertx.createHttpServer().requestHandler(request -> request.body().onSuccess(body -> {
            received.add(new Received(request.getHeader("Content-Type"), request.getHeader("X-Request-Index"),
                    body.toString(StandardCharsets.UTF_8)));
            if (answerDelayMillis > 0) {
                serverVertx.setTimer(answerDelayMillis, timer -> request.response().setStatusCode(202).end());
            } else {
                request.response().setStatusCode(202).end();
            }
        })).listen(0).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @AfterEach
    void stopServer() throws Exception {
        serverVertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @Test
    void everyRequestIsAnsweredAndArrivesWithItsHeadersAndBody() {
        OpenLoopLoad.Result result;
        int connectionsOpened;
        try (OpenLoopLoad load = new OpenLoopLoad(4, 100)) {
            result = load.run(200, 100, i -> new OutgoingPost(uri("/callbacks"),
                    Map.of("Content-Type", "application/json", "X-Request-Index", Integer.toString(i)),
                    ("{\"n\":" + i + "}").getBytes(StandardCharsets.UTF_8)));
            connectionsOpened = load.connectionsOpened();
        }

        assertThat(result.count(202)).isEqualTo(100);
        assertThat(result.errors()).isZero();
        assertThat(Arrays.stream(result.latencyMicros()).min().orElseThrow()).isPositive();
        assertThat(received).hasSize(100);
        assertThat(received).allMatch(request -> request.body().equals("{\"n\":" + request.index() + "}"))
                .extracting(Received::index).containsExactlyInAnyOrderElementsOf(
                        IntStream.range(0, 100).mapToObj(Integer::toString).toList());
        // Keep-alive: a hundred requests over the pool's few connections, not one each.
        assertThat(connectionsOpened).isBetween(1, 4);
    }

    @Test
    void aJsonBodyIsSentAsJson() {
        OpenLoopLoad.Result result;
        try (OpenLoopLoad load = new OpenLoopLoad()) {
            result = load.run(uri("/webhooks"), 100, 3, i -> "{\"id\":" + i + "}");
        }

        assertThat(result.count(202)).isEqualTo(3);
        assertThat(received).extracting(Received::contentType).containsOnly("application/json");
        assertThat(received).extracting(Received::body).containsExactlyInAnyOrder("{\"id\":0}", "{\"id\":1}", "{\"id\":2}");
    }

    @Test
    void aRequestToAClosedPortCountsAsNoAnswer() throws IOException {
        URI closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = URI.create("http://127.0.0.1:" + socket.getLocalPort() + "/nobody");
        }
        OpenLoopLoad.Result result;
        try (OpenLoopLoad load = new OpenLoopLoad()) {
            result = load.run(closed, 10, 1, i -> "{}");
        }

        assertThat(result.status()).containsExactly(-1);
        assertThat(result.errors()).isEqualTo(1);
        assertThat(result.latencyMicros()[0]).isPositive();
    }

    @Test
    void aRequestFindingTheWaitQueueFullCountsAsNoAnswer() {
        // One connection, busy with the first request for half a second; one request may wait for it.
        answerDelayMillis = 500;
        OpenLoopLoad.Result result;
        int connectionsOpened;
        try (OpenLoopLoad load = new OpenLoopLoad(1, 1)) {
            result = load.run(uri("/slow"), 100, 3, i -> "{}");
            connectionsOpened = load.connectionsOpened();
        }

        assertThat(result.status()).containsExactly(202, 202, -1);
        assertThat(connectionsOpened).isEqualTo(1);
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.actualPort() + path);
    }

    private record Received(String contentType, String index, String body) {
    }
}
