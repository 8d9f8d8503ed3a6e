package dev.carrierhub.carriers.registry;

import dev.carrierhub.carriers.resilience.ResilienceConfig;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The carrier accounts a service may use, by name: {@code carrierhub.carriers.accounts.<name>.*}.
 * Keys and secrets have no defaults; they come from the environment or a Kubernetes Secret.
 */
@ConfigMapping(prefix = "carrierhub.carriers")
public interface CarrierAccountsConfig {

    Map<String, Account> accounts();

    /**
     * One account with one carrier. Its limits (rate-limit.*, breaker.*, bulkhead.*, call-timeout) come
     * from {@link ResilienceConfig}; see "Limits and resilience" in the README.
     */
    interface Account extends ResilienceConfig {
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

        /**
         * The carrier name this account's connector reports (and stamps on its quotes) instead of its type's,
         * so that two accounts of one type, e.g. two sandboxes, are two carriers to the registry.
         */
        @WithName("carrier-name")
        Optional<String> carrierName();

        // Settings of the aggregator accounts (EasyPost, Shippo, Sendcloud); other types ignore them.

        /** The second half of a key pair, e.g. Sendcloud's secret key (HTTP Basic password); no default. */
        @WithName("api-secret")
        Optional<String> apiSecret();

        /** The label format to buy: {@code PDF} (the connectors' default), {@code ZPL} or {@code PNG}. */
        @WithName("label-format")
        Optional<String> labelFormat();

        /** The aggregator's carrier account ids to rate and ship with (EasyPost {@code ca_…}, Shippo object ids). */
        @WithName("carrier-accounts")
        Optional<List<String>> carrierAccounts();

        /** The carrier token Shippo needs to track a number, e.g. {@code usps}; Shippo tracks nothing without it. */
        @WithName("tracking-carrier")
        Optional<String> trackingCarrier();

        // Settings of OAuth client-credentials accounts (UPS); other types ignore them.

        /** The OAuth client id of the carrier's developer app (UPS "Client ID"); no default. */
        @WithName("client-id")
        Optional<String> clientId();

        /** The OAuth client secret of that app (UPS "Client Secret"); no default, never logged. */
        @WithName("client-secret")
        Optional<String> clientSecret();

        /** The carrier account that pays for labels, e.g. the UPS 6-character shipper number. */
        @WithName("account-number")
        Optional<String> accountNumber();

        /** The carrier API version in request paths, e.g. UPS {@code v2409}; each connector has its default. */
        @WithName("api-version")
        Optional<String> apiVersion();
    }
}
