package dev.carrierhub.carriers.ups;

import java.net.http.HttpResponse;

/**
 * A UPS HTTP answer reduced to what {@link UpsResponseMapper} reads, so the mapper stays free of I/O and
 * its tests need no server.
 *
 * @param status     the HTTP status
 * @param body       the body text, possibly empty
 * @param retryAfter the {@code Retry-After} header, or null
 */
public record UpsReply(int status, String body, String retryAfter) {
    public UpsReply {
        body = body == null ? "" : body;
    }

    public static UpsReply of(HttpResponse<String> response) {
        return new UpsReply(response.statusCode(), response.body(),
                response.headers().firstValue("Retry-After").orElse(null));
    }

    public boolean successful() {
        return status / 100 == 2;
    }
}
