package dev.carrierhub.intake.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import io.smallrye.config.WithParentName;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One entry per tenant (one Odoo database). Secrets have no defaults: they come from the environment
 * or a Kubernetes Secret, e.g. {@code CARRIERHUB_TENANTS__ACME__WEBHOOK_TOKEN}. Rooted at
 * {@code carrierhub.tenants}, not {@code carrierhub}: a mapping owns every key under its prefix, and
 * other {@code carrierhub.*} keys belong to other mappings (or none).
 */
@ConfigMapping(prefix = "carrierhub.tenants")
public interface TenantsConfig {

    @WithParentName
    Map<String, Tenant> tenants();

    default Optional<Tenant> tenant(String name) {
        return Optional.ofNullable(tenants().get(name));
    }

    /** A tenant's secrets, who may post its webhooks, and its Odoo endpoint. */
    interface Tenant {
        /** The secret token Odoo puts in the webhook URL ({@code ?token=}) or a proxy in {@code X-Carrierhub-Token}. */
        @WithName("webhook-token")
        String webhookToken();

        /**
         * CIDR ranges (IPv4 or IPv6; a bare address is one host) the tenant's webhooks may come from.
         * Absent: any address.
         */
        @WithName("allowed-sources")
        Optional<List<String>> allowedSources();

        /**
         * When set, every webhook must carry {@code X-Carrierhub-Signature: sha256=<hex HMAC-SHA256 of
         * the raw body>} under this key; Odoo cannot sign, so a signing proxy in front of it does.
         */
        @WithName("hmac-secret")
        Optional<String> hmacSecret();

        /** The Odoo models whose webhooks this tenant sends: stock.picking, and sale.order if configured. */
        @WithDefault("stock.picking")
        Set<String> models();

        @WithName("rate-limit")
        RateLimit rateLimit();

        Odoo odoo();
    }

    /** A token bucket per tenant: webhooks beyond it get 429 (Odoo does not retry them). */
    interface RateLimit {
        @WithName("per-second")
        @WithDefault("200")
        double perSecond();

        @WithDefault("400")
        int burst();
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

        /** {@code JSON_RPC} for Odoo 17 and 18, {@code JSON_2} for Odoo 19. */
        @WithDefault("JSON_RPC")
        String protocol();

        /** Longest wait for one Odoo call (Odoo answers a picking read in about 40 ms). */
        @WithDefault("PT5S")
        java.time.Duration timeout();
    }
}
