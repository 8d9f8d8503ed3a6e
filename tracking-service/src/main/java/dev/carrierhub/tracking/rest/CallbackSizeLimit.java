package dev.carrierhub.tracking.rest;

import dev.carrierhub.contracts.Json;
import dev.carrierhub.core.problem.Problem;
import dev.carrierhub.tracking.config.TrackingConfig;
import dev.carrierhub.tracking.service.CallbackService;
import com.fasterxml.jackson.core.JsonProcessingException;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Refuses an oversized callback from its Content-Length before a byte of it is read, with the same
 * problem+json the resource gives. It runs just before Quarkus' own body limit, which would answer a
 * bare 413. Bodies without a length are bounded while read (quarkus.http.limits.max-body-size) and
 * checked again by the service.
 */
@ApplicationScoped
public class CallbackSizeLimit {
    /** Quarkus' upload-limit route has order -2 (RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT): go first. */
    private static final int BEFORE_UPLOAD_LIMIT = -3;

    private final TrackingConfig config;

    public CallbackSizeLimit(TrackingConfig config) {
        this.config = config;
    }

    void install(@Observes Router router) {
        router.route("/callbacks/*").order(BEFORE_UPLOAD_LIMIT).handler(this::check);
    }

    private void check(RoutingContext context) {
        String length = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        long declared;
        try {
            declared = length == null ? -1 : Long.parseLong(length.trim());
        } catch (NumberFormatException unreadable) {
            declared = -1;
        }
        if (declared <= config.callbackMaxBytes()) {
            context.next();
            return;
        }
        Problem problem = CallbackService.tooLarge(config.callbackMaxBytes()).problem()
                .withInstance(context.request().path());
        context.response().setStatusCode(problem.status())
                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                // The unread body would otherwise be left on the connection.
                .putHeader(HttpHeaders.CONNECTION, "close")
                .end(json(problem));
    }

    private static String json(Problem problem) {
        try {
            return Json.mapper().writeValueAsString(problem);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a problem is always serialisable", e);
        }
    }
}
