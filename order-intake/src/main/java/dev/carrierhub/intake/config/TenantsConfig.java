package dev.carrierhub.intake.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import java.net.URI;
import java.util.Map;
import java.util.Optional;

/**
 * One entry per tenant (one Odoo database). Secrets have no defaults: they come from the environment
 * or a Kubernetes Secret, e.g. {@code CARRIERHUB_TENANTS__ACME__WEBHOOK_TOKEN}.
 */
@ConfigMapping(prefix = "carrierhub")
public interface TenantsConfig {

    Map<String, Tenant> tenants();

    default Optional<Tenant> tenant(String name) {
        return Optional.ofNullable(tenants().get(name));
    }

    /** A tenant's secrets and its Odoo endpoint. */
    interface Tenant {
        /** The secret token Odoo puts in the webhook URL ({@code ?token=}) or a proxy in {@code X-Carrierhub-Token}. */
        @WithName("webhook-token")
        String webhookToken();

        Odoo odoo();
    }

    /** How order-intake reaches this tenant's Odoo over JSON-RPC. */
    interface Odoo {
        URI url();

        String database();

        @WithName("user-id")
        @WithDefault("2")
        long userId();

        @WithName("api-key")
        String apiKey();
    }
}
