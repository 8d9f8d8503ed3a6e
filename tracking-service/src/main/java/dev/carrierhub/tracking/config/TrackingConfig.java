package dev.carrierhub.tracking.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import java.net.URI;
import java.time.Duration;
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
