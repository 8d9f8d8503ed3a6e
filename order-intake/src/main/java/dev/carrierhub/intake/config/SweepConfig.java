package dev.carrierhub.intake.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import java.time.Duration;
import java.util.List;

/**
 * The sweep for dropped webhooks: how often each tenant's Odoo is asked for pickings that are ready (or
 * cancelled) and changed since the last watermark, and how far back it looks.
 */
@ConfigMapping(prefix = "carrierhub.sweep")
public interface SweepConfig {

    /** Off only where webhooks are known to be complete (or in tests that sweep on demand). */
    @WithDefault("true")
    boolean enabled();

    /** Time between two sweeps of every tenant (the scheduler reads it too). */
    @WithDefault("60s")
    Duration interval();

    /**
     * Extra look-back below the watermark. Odoo stamps {@code write_date} when its transaction starts, so
     * a long transaction commits rows older than the newest one already seen.
     */
    @WithDefault("PT10M")
    Duration overlap();

    /** How far back the first sweep of a tenant looks, when there is no watermark yet. */
    @WithName("initial-look-back")
    @WithDefault("P2D")
    Duration initialLookBack();

    /** Rows per Odoo {@code search_read}. */
    @WithName("page-size")
    @WithDefault("200")
    int pageSize();

    /** How long one replica holds a tenant's sweep before another may take it over (a crashed sweep). */
    @WithDefault("PT5M")
    Duration lease();

    /** The picking states that mean "ready to ship" for the sweep; add {@code done} for tenants that ship on validation. */
    @WithName("ready-states")
    @WithDefault("assigned")
    List<String> readyStates();
}
