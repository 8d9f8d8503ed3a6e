package dev.carrierhub.tracking.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;

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

    /** Polling of carriers and accounts that do not push. */
    Polling polling();

    /** How verified callbacks are written on their way in, and applied afterwards. */
    Intake intake();

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

    /**
     * A verified callback is answered once it is stored; applying it to the shipment's history comes after. The
     * answer path writes callbacks in groups (one statement per group), and refuses new ones with 503 while too
     * many wait, so a flood is sent again later by the carrier instead of piling up in memory.
     */
    interface Intake {
        /** The most callbacks written in one statement. */
        @WithName("max-group")
        @WithDefault("256")
        int maxGroup();

        /** The most callbacks waiting for a write before new ones get 503 with Retry-After. */
        @WithName("max-waiting")
        @WithDefault("4096")
        int maxWaiting();

        /**
         * Stored callbacks applied in one transaction. Small on purpose: a batch's reading and deciding runs on an
         * event loop that also answers callbacks, and 50 kept the answers' p99 at 3,000/s under 40 ms where 200
         * took it over 100 ms (docs/BENCHMARKS.md).
         */
        @WithName("batch-size")
        @WithDefault("50")
        int batchSize();

        /** A safety net: the processor is nudged after every write, and also looks this often. */
        @WithName("poll-interval")
        @WithDefault("1s")
        Duration pollInterval();

        /** A callback that failed this many times is set aside as FAILED for an operator. */
        @WithName("max-attempts")
        @WithDefault("5")
        int maxAttempts();
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

    /** Which trackers are polled, how often, and within which limits of each carrier. */
    interface Polling {
        /** Off: trackers of carriers without push end {@code UNSUPPORTED}, as before polling existed. */
        @WithDefault("true")
        boolean enabled();

        /** How often the batch looks for due trackers. */
        @WithName("poll-interval")
        @WithDefault("5s")
        Duration pollInterval();

        @WithName("batch-size")
        @WithDefault("50")
        int batchSize();

        /** Time between two answered look-ups of one tracker. */
        @WithDefault("30m")
        Duration interval();

        /** The longest back-off after failed or rate-limited look-ups (a carrier's Retry-After may be longer). */
        @WithName("max-interval")
        @WithDefault("6h")
        Duration maxInterval();

        /** The first look-up comes this long after the label: before, the carrier has nothing to tell. */
        @WithName("first-delay")
        @WithDefault("1h")
        Duration firstDelay();

        /** Without a final milestone, polling stops this long after the label. */
        @WithName("max-age")
        @WithDefault("60d")
        Duration maxAge();

        /** How long a claimed tracker is hidden from other replicas while its look-up runs. */
        @WithDefault("60s")
        Duration lease();

        /**
         * Carriers polled even though they push, e.g. an account whose webhooks cannot reach this service. A
         * carrier that answers look-ups but does not push is always polled.
         */
        Optional<Set<String>> carriers();

        /** Per carrier: {@code carrierhub.tracking.polling.limits.<carrier>.*}. */
        Map<String, Limit> limits();
    }

    /** What one carrier allows us to look up. Unset: no limit. */
    interface Limit {
        /** Look-ups are spaced evenly, so no second ever holds more than this many. */
        @WithName("requests-per-second")
        OptionalInt requestsPerSecond();

        @WithName("requests-per-minute")
        OptionalInt requestsPerMinute();

        /** Look-ups per UTC day; when used up, polling of that carrier waits for the next day. */
        @WithName("daily-quota")
        OptionalLong dailyQuota();
    }
}
