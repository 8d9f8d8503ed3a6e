package dev.carrierhub.intake.writeback;

import dev.carrierhub.intake.config.WriteBackConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * The Odoo user and deadline of an activity, from configuration at the time it is sent, so an owner
 * fixed in the configuration applies to a replayed write too.
 */
@ApplicationScoped
public class ActivityOwners {
    private final WriteBackConfig config;

    public ActivityOwners(WriteBackConfig config) {
        this.config = config;
    }

    /** The tenant's Odoo user for this owner; empty leaves the activity to Odoo (the integration user). */
    public Optional<Long> userId(String tenant, OwnerKind owner) {
        WriteBackConfig.Tenant settings = config.tenants().get(tenant);
        if (settings == null) {
            return Optional.empty();
        }
        return switch (owner) {
            case WAREHOUSE -> settings.owners().warehouse();
            case CUSTOMER_SERVICE -> settings.owners().customerService();
            case FINANCE -> settings.owners().finance();
        };
    }

    public Duration sla(OwnerKind owner) {
        return switch (owner) {
            case WAREHOUSE -> config.sla().warehouse();
            case CUSTOMER_SERVICE -> config.sla().customerService();
            case FINANCE -> config.sla().finance();
        };
    }

    /** The activity's due date: when the problem was raised plus the owner's SLA, as a UTC date (Odoo's Date). */
    public LocalDate deadline(OwnerKind owner, Instant raisedAt) {
        return deadline(raisedAt, sla(owner));
    }

    static LocalDate deadline(Instant raisedAt, Duration sla) {
        return LocalDate.ofInstant(raisedAt.plus(sla), ZoneOffset.UTC);
    }
}
