package dev.carrierhub.label.config;

import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.runtime.configuration.MemorySizeConverter;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithConverter;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/** Settings of label-service: {@code carrierhub.label.*}. */
@ConfigMapping(prefix = "carrierhub.label")
public interface LabelConfig {

    /** Base URL under which other services fetch labels; label URLs in {@code shipment.labeled} start with it. */
    @WithDefault("http://localhost:${quarkus.http.port}")
    String publicUrl();

    /** A label larger than this is refused (a carrier answering with something that is not a label). */
    @WithDefault("2M")
    @WithConverter(MemorySizeConverter.class)
    MemorySize maxLabelSize();

    Booking booking();

    Fallback fallback();

    Deferral deferral();

    @WithName("void")
    Voiding voiding();

    /** How bookings are retried. */
    interface Booking {
        /** Carrier calls made for one booking before it is given up as FAILED. */
        @WithDefault("10")
        int maxAttempts();

        /** Wait after the first failed attempt; it doubles with each attempt, with jitter. */
        @WithDefault("1s")
        Duration firstRetry();

        /** Longest wait between two attempts (a carrier's Retry-After may ask for more, and gets it). */
        @WithDefault("5m")
        Duration maxRetry();

        /**
         * How long a claimed booking is left alone before another attempt may take it over: covers a crash
         * between the carrier call and the settling transaction.
         */
        @WithDefault("2m")
        Duration lease();

        /**
         * Bookings taken per drain. A drain ends when its last booking is settled, so a batch larger than
         * {@link #concurrency()} runs in two waves of carrier calls and holds the next drain back: keep them equal.
         */
        @WithDefault("32")
        int batchSize();

        /** How often due bookings (retries, leases run out) are looked for. */
        @WithDefault("1s")
        Duration pollInterval();

        /** Carrier calls one replica has in flight at once (each carrier account also has its own bulkhead). */
        @WithDefault("32")
        int concurrency();
    }

    /**
     * Whether a booking whose carrier is down may move to one of the alternatives rate-shopping ranked,
     * by default and per tenant. Decided when the booking is requested.
     */
    interface Fallback {
        @WithDefault("true")
        boolean enabled();

        /** An alternative may cost at most this many percent more than the chosen quote; unset: any price. */
        Optional<BigDecimal> maxPriceIncreasePercent();

        /** Per tenant (the Odoo database): overrides of the two settings above. */
        Map<String, Tenant> tenants();

        /** One tenant's fallback policy; what it leaves unset comes from the defaults. */
        interface Tenant {
            Optional<Boolean> enabled();

            Optional<BigDecimal> maxPriceIncreasePercent();
        }
    }

    /** Bookings parked while their carrier is down, and no allowed alternative could take them. */
    interface Deferral {
        /** How long a parked booking waits before its carrier is tried again. */
        @WithDefault("5m")
        Duration retryEvery();

        /** A booking parked for longer than this fails (and asks a person to act). */
        @WithDefault("24h")
        Duration giveUpAfter();
    }

    /** Voids: how long after booking a carrier still voids a label. */
    interface Voiding {
        /** The void window of carriers without their own entry: a conservative four weeks. */
        @WithDefault("28d")
        Duration window();

        /** Per carrier (the name a quote carries): its void window. */
        Map<String, Duration> windows();
    }
}
