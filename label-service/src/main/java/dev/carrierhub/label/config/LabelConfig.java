package dev.carrierhub.label.config;

import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.runtime.configuration.MemorySizeConverter;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithConverter;
import io.smallrye.config.WithDefault;
import java.time.Duration;

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

        /** Bookings taken per drain. */
        @WithDefault("20")
        int batchSize();

        /** How often due bookings (retries, leases run out) are looked for. */
        @WithDefault("1s")
        Duration pollInterval();
    }
}
