package dev.carrierhub.intake.config;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

/** How the inbound webhook endpoint treats requests, for every tenant. */
@ConfigMapping(prefix = "carrierhub.webhook")
public interface WebhookConfig {

    /**
     * Largest webhook body; larger ones get 413 problem+json. Keep it at or below
     * {@code quarkus.http.limits.max-body-size}, the server's hard stop, which answers a bare 413.
     */
    @WithName("max-body-size")
    @WithDefault("256K")
    MemorySize maxBodySize();

    /**
     * Take the caller's address from X-Forwarded-For instead of the connection. Only for a deployment
     * where every request comes through proxies that append to that header (an ingress): otherwise
     * any caller could claim any address.
     */
    @WithName("trust-forwarded-for")
    @WithDefault("false")
    boolean trustForwardedFor();

    /**
     * How many of those proxies append to X-Forwarded-For: the caller is that many entries from the
     * right. Entries further left were written by the caller and are never trusted.
     */
    @WithName("forwarded-for-hops")
    @WithDefault("1")
    int forwardedForHops();
}
