package dev.carrierhub.tracking.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/** Settings of tracking-service: where carriers reach it, how callbacks are bounded, how registration retries. */
@ConfigMapping(prefix = "carrierhub.tracking")
public interface TrackingConfig {

    /**
     * The base URL carriers post callbacks to ({@code <public-url>/callbacks/<carrier>}), e.g. the public
     * ingress. Unset, it is {@code http://localhost:<the port this service listens on>}, for local runs.
     */
    @WithName("public-url")
    Optional<URI> publicUrl();

    /** Largest callback body accepted; larger ones get 413 (quarkus.http.limits.max-body-size caps it too). */
    @WithName("callback-max-bytes")
    @WithDefault("65536")
    int callbackMaxBytes();

    /** How far a callback's signed timestamp may be from our clock: the replay window. */
    @WithName("signature-tolerance")
    @WithDefault("300s")
    Duration signatureTolerance();

    Registration registration();

    /**
     * Callback settings of carriers that have no booking account here (FedEx), by carrier name:
     * {@code carrierhub.tracking.callbacks.<carrier>.secret}. A carrier with an account uses the account's
     * {@code webhook-secret} instead.
     */
    Map<String, CarrierCallback> callbacks();

    /** How ShipEngine's RSA-signed callbacks are checked. */
    ShipEngine shipengine();

    /** One carrier's callback settings. */
    interface CarrierCallback {
        /** What its callbacks are checked with: FedEx's security token, a UPS Track Alert credential … */
        Optional<String> secret();
    }

    /** ShipEngine signs with keys it publishes; whoever has a ShipEngine account gets callbacks signed by them. */
    interface ShipEngine {
        /**
         * Whether ShipEngine's callbacks are taken. Off by default: ShipEngine signs every customer's webhooks
         * with the same keys, so a valid signature proves ShipEngine sent it, not that our account asked for it.
         */
        @WithDefault("false")
        boolean enabled();

        /** Where ShipEngine publishes its signing keys (a JWKS). */
        @WithName("jwks-url")
        @WithDefault("https://api.shipengine.com/jwks")
        URI jwksUrl();

        /** The least time between two fetches of the keys, failed ones included: the most we ask ShipEngine. */
        @WithName("jwks-refresh-interval")
        @WithDefault("60s")
        Duration jwksRefreshInterval();

        /** Keys older than this are fetched again before use, so a key ShipEngine withdrew stops being trusted. */
        @WithName("jwks-max-age")
        @WithDefault("1h")
        Duration jwksMaxAge();

        @WithName("jwks-timeout")
        @WithDefault("5s")
        Duration jwksTimeout();
    }

    /** Retries of the tracker registration with the carrier. */
    interface Registration {
        @WithName("poll-interval")
        @WithDefault("1s")
        Duration pollInterval();

        @WithName("batch-size")
        @WithDefault("20")
        int batchSize();

        @WithName("max-attempts")
        @WithDefault("10")
        int maxAttempts();

        @WithName("first-retry")
        @WithDefault("500ms")
        Duration firstRetry();

        @WithName("longest-retry")
        @WithDefault("60s")
        Duration longestRetry();

        /** How long a claimed registration is hidden from other replicas while its carrier call runs. */
        @WithDefault("60s")
        Duration lease();
    }
}
