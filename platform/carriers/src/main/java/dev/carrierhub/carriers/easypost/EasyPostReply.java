package dev.carrierhub.carriers.easypost;

import java.net.http.HttpResponse;

/**
 * An EasyPost HTTP answer reduced to what {@link EasyPostResponseMapper} reads, so the mapper stays free of I/O.
 *
 * @param status     the HTTP status
 * @param body       the body text, possibly empty
 * @param retryAfter the {@code Retry-After} header, or null
 */
public record EasyPostReply(int status, String body, String retryAfter) {
    public EasyPostReply {
        body = body == null ? "" : body;
    }

    public static EasyPostReply of(HttpResponse<String> response) {
        return new EasyPostReply(response.statusCode(), response.body(),
                response.headers().firstValue("Retry-After").orElse(null));
    }

    public boolean successful() {
        return status / 100 == 2;
    }
}
