package dev.carrierhub.tracking.rest;

import dev.carrierhub.core.http.ContentLengthLimit;
import dev.carrierhub.tracking.config.TrackingConfig;
import dev.carrierhub.tracking.service.CallbackService;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Refuses an oversized callback from its Content-Length before a byte of it is read, with the same
 * problem+json the service gives (see {@link ContentLengthLimit}). Bodies without a length are bounded
 * while read (quarkus.http.limits.max-body-size) and checked again by the service.
 */
@ApplicationScoped
public class CallbackSizeLimit {
    private final TrackingConfig config;

    public CallbackSizeLimit(TrackingConfig config) {
        this.config = config;
    }

    void install(@Observes Router router) {
        int limit = config.callbackMaxBytes();
        new ContentLengthLimit("/callbacks/", limit, CallbackService.tooLarge(limit).problem()).install(router);
    }
}
