package dev.carrierhub.intake.rest;

import dev.carrierhub.core.http.ContentLengthLimit;
import dev.carrierhub.intake.config.WebhookConfig;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Refuses an oversized webhook from its Content-Length (Odoo always sends one) before a byte of it is
 * read, with problem+json instead of Quarkus' bare 413 (see {@link ContentLengthLimit}).
 */
@ApplicationScoped
public class WebhookSizeLimit {
    private final WebhookConfig config;

    public WebhookSizeLimit(WebhookConfig config) {
        this.config = config;
    }

    void install(@Observes Router router) {
        long limit = config.maxBodySize().asLongValue();
        new ContentLengthLimit("/webhooks/", limit, OdooWebhookResource.tooLarge(limit).problem()).install(router);
    }
}
