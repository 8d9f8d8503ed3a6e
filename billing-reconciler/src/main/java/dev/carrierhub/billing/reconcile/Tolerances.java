package dev.carrierhub.billing.reconcile;

import dev.carrierhub.billing.config.BillingConfig;
import dev.carrierhub.billing.config.BillingConfig.PartialTolerance;
import java.util.Optional;

/**
 * The tolerance for one tenant's invoice lines from one carrier. The most specific rule wins, field by field:
 * the tenant's rule for that carrier, then the tenant's own, then the carrier's, then the default.
 */
public final class Tolerances {
    private final BillingConfig config;

    public Tolerances(BillingConfig config) {
        this.config = config;
    }

    public Tolerance of(String tenant, String carrier) {
        Optional<BillingConfig.Tenant> tenantRules = Optional.ofNullable(tenant).map(t -> config.tenants().get(t));
        Optional<PartialTolerance> tenantCarrier = tenantRules.map(t -> t.carriers().get(carrier));
        Optional<PartialTolerance> tenantOwn = tenantRules.flatMap(BillingConfig.Tenant::tolerance);
        Optional<PartialTolerance> carrierOwn = Optional.ofNullable(config.carriers().get(carrier))
                .flatMap(BillingConfig.Carrier::tolerance);
        var absolute = tenantCarrier.flatMap(PartialTolerance::absolute)
                .or(() -> tenantOwn.flatMap(PartialTolerance::absolute))
                .or(() -> carrierOwn.flatMap(PartialTolerance::absolute))
                .orElse(config.tolerance().absolute());
        var percent = tenantCarrier.flatMap(PartialTolerance::percent)
                .or(() -> tenantOwn.flatMap(PartialTolerance::percent))
                .or(() -> carrierOwn.flatMap(PartialTolerance::percent))
                .orElse(config.tolerance().percent());
        return new Tolerance(absolute, percent);
    }
}
