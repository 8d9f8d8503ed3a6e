package dev.carrierhub.carriers.sendcloud;

import java.net.http.HttpResponse;

/**
 * A Sendcloud HTTP answer reduced to what {@link SendcloudResponseMapper} reads, so the mapper stays free of I/O.
 *
 * @param status     the HTTP status
 * @param body       the body text, possibly empty
 * @param retryAfter the {@code Retry-After} header, or null
 */
public record SendcloudReply(int status, String body, String retryAfter) {
    public SendcloudReply {
        body = body == null ? "" : body;
    }

    public static SendcloudReply of(HttpResponse<String> response) {
        return new SendcloudReply(response.statusCode(), response.body(),
                response.headers().firstValue("Retry-After").orElse(null));
    }

    public boolean successful() {
        return status / 100 == 2;
    }
}
