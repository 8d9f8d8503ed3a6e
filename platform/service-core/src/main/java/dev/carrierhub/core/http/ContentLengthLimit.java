package dev.carrierhub.core.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.carrierhub.contracts.Json;
import dev.carrierhub.core.problem.Problem;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.Objects;

/**
 * Refuses a request under a path prefix whose Content-Length is over a limit, before a byte of its body
 * is read, with a problem+json answer. Quarkus' own limit ({@code quarkus.http.limits.max-body-size})
 * stays the hard stop, but it answers a bare 413; this route runs just before it. A body without a
 * declared length (chunked) is not seen here: it is bounded while read by Quarkus' limit, and the
 * resource should check the length of what it got.
 *
 * <p>Install it from a service's {@code void install(@Observes Router router)}.
 */
public final class ContentLengthLimit {
    /** Quarkus' upload-limit route has order {@value RouteConstants#ROUTE_ORDER_UPLOAD_LIMIT}: go first. */
    public static final int ROUTE_ORDER = RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT - 1;

    private final String pathPrefix;
    private final long maxBytes;
    private final Problem problem;

    /**
     * @param pathPrefix e.g. {@code /webhooks/}: every path below it is checked
     * @param maxBytes the largest body accepted
     * @param problem the answer to a larger one (its status should be 413)
     */
    public ContentLengthLimit(String pathPrefix, long maxBytes, Problem problem) {
        if (pathPrefix == null || !pathPrefix.startsWith("/")) {
            throw new IllegalArgumentException("the path prefix must start with '/': " + pathPrefix);
        }
        if (maxBytes < 0) {
            throw new IllegalArgumentException("the limit must not be negative: " + maxBytes);
        }
        this.pathPrefix = pathPrefix.endsWith("/") ? pathPrefix : pathPrefix + "/";
        this.maxBytes = maxBytes;
        this.problem = Objects.requireNonNull(problem, "problem");
    }

    public void install(Router router) {
        router.route(pathPrefix + "*").order(ROUTE_ORDER).handler(this::check);
    }

    /** True when the declared length is over the limit; an absent or unreadable length is left to the reader. */
    public static boolean exceeds(String contentLength, long maxBytes) {
        if (contentLength == null) {
            return false;
        }
        String digits = contentLength.trim();
        if (digits.isEmpty() || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return false;
        }
        // More digits than a long holds is certainly too large.
        return digits.length() > 18 || Long.parseLong(digits) > maxBytes;
    }

    private void check(RoutingContext context) {
        if (!exceeds(context.request().getHeader(HttpHeaders.CONTENT_LENGTH), maxBytes)) {
            context.next();
            return;
        }
        context.response().setStatusCode(problem.status())
                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                // The unread body would otherwise be left on the connection.
                .putHeader(HttpHeaders.CONNECTION, "close")
                .end(json(problem.withInstance(context.request().path())));
    }

    private static String json(Problem problem) {
        try {
            return Json.mapper().writeValueAsString(problem);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a problem is always serialisable", e);
        }
    }
}
