package dev.carrierhub.intake.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import java.time.Duration;

/**
 * How hard the Odoo client tries before it reports a failure, for every tenant: retries inside one
 * call and the circuit breaker per tenant connection (see platform/odoo-client). The defaults are the
 * client's own.
 */
@ConfigMapping(prefix = "carrierhub.odoo")
public interface OdooConfig {

    Retry retry();

    Circuit circuit();

    /** Retries of one call (transient failures; an unknown outcome only for reads and writes). */
    interface Retry {
        /** Attempts per call, the first included; 1 turns retries off. */
        @WithName("max-attempts")
        @WithDefault("3")
        int maxAttempts();

        @WithName("initial-backoff")
        @WithDefault("200ms")
        Duration initialBackoff();

        @WithName("max-backoff")
        @WithDefault("5s")
        Duration maxBackoff();

        /** 0..1: each wait is shortened by a random part of up to this fraction. */
        @WithDefault("0.5")
        double jitter();
    }

    /** The breaker of one tenant's connection. */
    interface Circuit {
        /** Consecutive transient failures that open the circuit. */
        @WithName("failure-threshold")
        @WithDefault("5")
        int failureThreshold();

        /** How long an open circuit refuses calls before one trial call goes through. */
        @WithName("open-delay")
        @WithDefault("30s")
        Duration openDelay();
    }
}
