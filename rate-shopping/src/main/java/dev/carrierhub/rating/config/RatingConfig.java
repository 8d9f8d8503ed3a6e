package dev.carrierhub.rating.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** How rate-shopping asks carriers and chooses among their quotes: {@code carrierhub.rating.*}. */
@ConfigMapping(prefix = "carrierhub.rating")
public interface RatingConfig {

    /** The routing policy of tenants that name none: cheapest, fastest, cheapest-in-level or preferred. */
    @WithDefault("cheapest")
    String policy();

    /** One deadline for the whole fan-out: answers that come later are dropped and the rest are used. */
    @WithDefault("2.5s")
    Duration deadline();

    /** Per tenant (the Odoo database): {@code carrierhub.rating.tenants.<tenant>.*}. */
    Map<String, Tenant> tenants();

    /** What each carrier cannot take, by carrier name: {@code carrierhub.rating.carriers.<carrier>.*}. */
    Map<String, CarrierLimits> carriers();

    /** The cache of {@code POST /rates}. */
    Cache cache();

    /** How the {@code shipment.requested} consumer works. */
    Consumer consumer();

    /** One tenant's routing. */
    interface Tenant {
        /** Overrides {@code carrierhub.rating.policy} for this tenant. */
        Optional<String> policy();

        /** Preferred carriers for the {@code preferred} policy; the first rule that matches a shipment applies. */
        Optional<List<Preference>> preferred();
    }

    /**
     * A preferred-carrier rule. Every criterion given must match; a rule without criteria matches every
     * shipment of the tenant.
     */
    interface Preference {
        /** The preferred carriers, most preferred first. */
        List<String> carriers();

        /** The Odoo warehouse code, the first part of the picking name ({@code WH} of {@code WH/OUT/00042}). */
        Optional<String> warehouse();

        /** The ship-to country, ISO 3166-1 alpha-2. */
        @WithName("ship-to-country")
        Optional<String> shipToCountry();

        /** The customer: the ship-to company, or the ship-to name when there is no company (case-insensitive). */
        @WithName("ship-to-partner")
        Optional<String> shipToPartner();
    }

    /** What one carrier does not take; a shipment that breaks one is not sent to that carrier at all. */
    interface CarrierLimits {
        /** The heaviest parcel the carrier takes, in kilograms. */
        @WithName("max-parcel-weight-kg")
        Optional<BigDecimal> maxParcelWeightKg();

        /** The largest parcel the carrier takes, in centimetres, e.g. {@code 120x60x60} (any orientation). */
        @WithName("max-parcel-dimensions-cm")
        Optional<String> maxParcelDimensionsCm();

        /** The only countries served (both ends of the shipment); every country when absent. */
        Optional<Set<String>> countries();

        /** Countries never served (either end). */
        @WithName("excluded-countries")
        Optional<Set<String>> excludedCountries();

        @WithName("hazardous-allowed")
        @WithDefault("true")
        boolean hazardousAllowed();

        /** Whether the carrier delivers to PO boxes ("PO Box", "Postfach", "BP" ... in the ship-to street). */
        @WithName("po-box-allowed")
        @WithDefault("true")
        boolean poBoxAllowed();
    }

    /** The cache of real-time look-ups. */
    interface Cache {
        /** How long a rating is served from the cache; 0 turns the cache off. */
        @WithDefault("60s")
        Duration ttl();

        @WithName("max-size")
        @WithDefault("10000")
        long maxSize();
    }

    /** The {@code shipment.requested} consumer. */
    interface Consumer {
        /**
         * Most shipments rated at the same time by one replica. A rating mostly waits for carriers, so one at a
         * time leaves the service idle; each in flight holds up to one call per carrier account, within that
         * account's bulkhead, and a database connection only while its decision is recorded.
         */
        @WithName("max-in-flight")
        @WithDefault("16")
        int maxInFlight();
    }
}
