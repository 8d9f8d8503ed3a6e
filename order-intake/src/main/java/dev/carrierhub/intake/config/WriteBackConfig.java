package dev.carrierhub.intake.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How planned write-backs are sent to Odoo: pace, back-off, when to give up, where labels may be
 * fetched from, and who in each tenant's Odoo gets exception activities and by when.
 */
@ConfigMapping(prefix = "carrierhub.writeback")
public interface WriteBackConfig {

    /** How often due write-backs are looked for besides the nudge after each planning transaction. */
    @WithName("poll-interval")
    @WithDefault("1s")
    Duration pollInterval();

    /**
     * How long a write may keep failing transiently (Odoo down, circuit open) from its first attempt
     * before it is FAILED and dead-lettered.
     */
    @WithName("give-up-after")
    @WithDefault("24h")
    Duration giveUpAfter();

    /**
     * How long a claimed write is reserved for the worker that claimed it. Longer than one attempt can
     * take (label fetch plus Odoo's timeout times its attempts); after it, another replica may take the
     * write over, and checks Odoo before repeating it.
     */
    @WithDefault("2m")
    Duration lease();

    /** How many pickings are written to at once (one picking's writes are always one after another). */
    @WithDefault("4")
    int concurrency();

    Retry retry();

    /** Fetching the label files that label-service stores. */
    Labels labels();

    /** Deadline of an activity, from the moment the problem was raised, per owner. */
    Sla sla();

    /** Per tenant: the Odoo users that own activities. */
    Map<String, Tenant> tenants();

    /** Back-off between attempts of one write that failed transiently. */
    interface Retry {
        @WithName("initial-backoff")
        @WithDefault("1s")
        Duration initialBackoff();

        /**
         * The longest wait between two attempts: once Odoo is back, a waiting write goes out within this time.
         * While Odoo is down its circuit breaker answers most attempts without a call, so short waits cost it
         * nothing.
         */
        @WithName("max-backoff")
        @WithDefault("1m")
        Duration maxBackoff();
    }

    /** Where and how labels are downloaded before they are attached in Odoo. */
    interface Labels {
        @WithDefault("10s")
        Duration timeout();

        /**
         * URL prefixes a label may be fetched from (label-service's public URL); absent: any. A label
         * URL comes from an event, so a deployment pins it to label-service here.
         */
        @WithName("allowed-url-prefixes")
        Optional<List<String>> allowedUrlPrefixes();
    }

    /** Time to act, per owner of an activity. */
    interface Sla {
        @WithDefault("24h")
        Duration warehouse();

        @WithName("customer-service")
        @WithDefault("24h")
        Duration customerService();

        @WithDefault("120h")
        Duration finance();
    }

    /** One tenant's activity owners. */
    interface Tenant {
        Owners owners();
    }

    /** Odoo {@code res.users} ids; an owner that is not set leaves the activity to Odoo's integration user. */
    interface Owners {
        Optional<Long> warehouse();

        @WithName("customer-service")
        Optional<Long> customerService();

        Optional<Long> finance();
    }
}
