package dev.carrierhub.intake.service;

import dev.carrierhub.core.tracing.TracedWork;
import dev.carrierhub.intake.config.SweepConfig;
import dev.carrierhub.intake.config.TenantsConfig;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/** Sweeps every tenant, one after the other, every {@code carrierhub.sweep.interval}. */
@ApplicationScoped
public class SweepScheduler {
    private static final Logger LOG = Logger.getLogger(SweepScheduler.class);

    private final SweepConfig config;
    private final TenantsConfig tenants;
    private final SweepService sweep;
    private final TracedWork tracedWork;

    public SweepScheduler(SweepConfig config, TenantsConfig tenants, SweepService sweep, TracedWork tracedWork) {
        this.config = config;
        this.tenants = tenants;
        this.sweep = sweep;
        this.tracedWork = tracedWork;
    }

    @Scheduled(every = "${carrierhub.sweep.interval:60s}", delayed = "${carrierhub.sweep.interval:60s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> sweepAll() {
        if (!config.enabled()) {
            return Uni.createFrom().voidItem();
        }
        return Multi.createFrom().iterable(tenants.tenants().keySet())
                .onItem().transformToUniAndConcatenate(tenant -> tracedWork.runUntraced(() -> sweep.sweep(tenant))
                        // One tenant's Odoo being down must not stop the others' sweeps.
                        .onFailure().invoke(failure -> LOG.warnf("sweep of %s failed, next try in %s: %s", tenant,
                                config.interval(), failure.toString()))
                        .onFailure().recoverWithNull())
                .collect().last()
                .replaceWithVoid();
    }
}
