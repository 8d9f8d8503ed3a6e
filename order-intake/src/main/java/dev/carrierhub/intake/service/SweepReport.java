package dev.carrierhub.intake.service;

import java.time.Instant;

/**
 * One sweep of one tenant: how many changed pickings Odoo listed, how many of them no webhook had brought
 * (queued now), and the watermark after it. {@code skipped} is true when another replica held the lease.
 */
public record SweepReport(String tenant, boolean skipped, int found, int queued, Instant since, Instant watermark) {

    static SweepReport leasedElsewhere(String tenant) {
        return new SweepReport(tenant, true, 0, 0, null, null);
    }
}
