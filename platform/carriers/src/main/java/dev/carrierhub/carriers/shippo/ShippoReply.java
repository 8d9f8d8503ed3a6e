package dev.carrierhub.carriers.shippo;

import java.net.http.HttpResponse;

/**
 * A Shippo HTTP answer reduced to what {@link ShippoResponseMapper} reads, so the mapper stays free of I/O.
 *
 * @param status     the HTTP status
 * @param body       the body text, possibly empty
 * @param retryAfter the {@code Retry-After} header, or null
 */
public record ShippoReply(int status, String body, String retryAfter) {
    public ShippoReply {
        body = body == null ? "" : body;
    }

    public static ShippoReply of(HttpResponse<String> response) {
        return new ShippoReply(response.statusCode(), response.body(),
                response.headers().firstValue("Retry-After").orElse(null));
    }

    public boolean successful() {
        return status / 100 == 2;
    }
}
