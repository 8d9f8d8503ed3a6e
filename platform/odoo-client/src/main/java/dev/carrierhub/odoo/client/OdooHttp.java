package dev.carrierhub.odoo.client;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.ext.web.client.HttpRequest;
import io.vertx.mutiny.ext.web.client.HttpResponse;
import io.vertx.mutiny.ext.web.client.WebClient;
import java.util.Map;

/** Sends one HTTP exchange to a connection's Odoo and types transport failures; the status is left to the caller. */
final class OdooHttp {
    private final WebClient client;
    private final OdooConnection connection;

    OdooHttp(WebClient client, OdooConnection connection) {
        this.client = client;
        this.connection = connection;
    }

    Uni<HttpReply> post(String path, Map<String, String> headers, byte[] body, String operation) {
        HttpRequest<Buffer> request = prepare(client.postAbs(connection.baseUrl() + path), headers)
                .putHeader("Content-Type", "application/json; charset=utf-8");
        return send(request.sendBuffer(Buffer.buffer(body)), operation);
    }

    Uni<HttpReply> get(String path, Map<String, String> headers, String operation) {
        return send(prepare(client.getAbs(connection.baseUrl() + path), headers).send(), operation);
    }

    private HttpRequest<Buffer> prepare(HttpRequest<Buffer> request, Map<String, String> headers) {
        long millis = connection.timeout().toMillis();
        // Vert.x's own timeouts close the connection; the call guard's timeout bounds the whole attempt.
        request.connectTimeout(millis).timeout(millis).putHeader("Accept", "application/json");
        headers.forEach(request::putHeader);
        return request;
    }

    private Uni<HttpReply> send(Uni<HttpResponse<Buffer>> exchange, String operation) {
        return exchange
                .map(response -> new HttpReply(response.statusCode(), response.getHeader("Content-Type"),
                        response.body() == null ? new byte[0] : response.body().getBytes(),
                        response.getHeader("Retry-After")))
                .onFailure().transform(failure -> OdooErrorMapper.fromTransport(operation, failure, connection.timeout()));
    }
}
