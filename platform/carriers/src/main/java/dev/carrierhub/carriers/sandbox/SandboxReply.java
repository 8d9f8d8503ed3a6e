package dev.carrierhub.carriers.sandbox;

import java.net.http.HttpResponse;

/**
 * A sandbox HTTP answer reduced to what {@link SandboxResponseMapper} reads, so the mapper stays free of
 * I/O and its tests need no server.
 *
 * @param status     the HTTP status
 * @param body       the body text, possibly empty
 * @param retryAfter the {@code Retry-After} header, or null
 */
public record SandboxReply(int status, String body, String retryAfter) {
    public SandboxReply {
        body = body == null ? "" : body;
    }

    public static SandboxReply of(HttpResponse<String> response) {
        return new SandboxReply(response.statusCode(), response.body(),
                response.headers().firstValue("Retry-After").orElse(null));
    }

    public boolean successful() {
        return status / 100 == 2;
    }
}
