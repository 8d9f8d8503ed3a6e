package dev.carrierhub.carriers.registry;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * The carrier accounts a service may use, by name: {@code carrierhub.carriers.accounts.<name>.*}.
 * Keys and secrets have no defaults; they come from the environment or a Kubernetes Secret.
 */
@ConfigMapping(prefix = "carrierhub.carriers")
public interface CarrierAccountsConfig {

    Map<String, Account> accounts();

    /** One account with one carrier. */
    interface Account {
        /** Which connector serves the account, e.g. {@code sandbox}. */
        String type();

        @WithName("base-url")
        URI baseUrl();

        @WithName("api-key")
        Optional<String> apiKey();

        /** Secret the carrier signs its tracking callbacks with. */
        @WithName("webhook-secret")
        Optional<String> webhookSecret();

        @WithDefault("5s")
        Duration timeout();

        @WithDefault("true")
        boolean enabled();
    }
}
