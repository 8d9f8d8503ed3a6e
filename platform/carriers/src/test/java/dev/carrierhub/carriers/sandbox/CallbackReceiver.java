package dev.carrierhub.carriers.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** A tiny JDK HTTP server standing in for tracking-service: keeps every callback, refuses the first few if asked. */
final class CallbackReceiver implements AutoCloseable {

    /** One callback as received: the signature header and the raw body. */
    record Received(String signature, byte[] body) {
        JsonNode json() {
            try {
                return SandboxJson.MAPPER.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private final HttpServer server;
    private final List<Received> accepted = new CopyOnWriteArrayList<>();
    private final List<Received> refused = new CopyOnWriteArrayList<>();
    private final AtomicInteger toRefuse;

    private CallbackReceiver(int refuseFirst) {
        this.toRefuse = new AtomicInteger(refuseFirst);
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/callbacks", exchange -> {
            Received received = new Received(exchange.getRequestHeaders().getFirst(SandboxSignature.HEADER),
                    exchange.getRequestBody().readAllBytes());
            boolean refuse = toRefuse.getAndDecrement() > 0;
            (refuse ? refused : accepted).add(received);
            exchange.sendResponseHeaders(refuse ? 500 : 204, -1);
            exchange.close();
        });
        server.start();
    }

    static CallbackReceiver start() {
        return new CallbackReceiver(0);
    }

    /** A receiver that answers 500 to its first {@code n} callbacks, as a briefly broken service would. */
    static CallbackReceiver refusingFirst(int n) {
        return new CallbackReceiver(n);
    }

    URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/callbacks");
    }

    List<Received> accepted() {
        return List.copyOf(accepted);
    }

    List<Received> refused() {
        return List.copyOf(refused);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
