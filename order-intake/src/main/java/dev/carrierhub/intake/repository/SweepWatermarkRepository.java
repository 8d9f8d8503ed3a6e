package dev.carrierhub.intake.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;

/** The sweep's watermark per tenant, with a lease so that one replica at a time sweeps a tenant. */
@ApplicationScoped
public class SweepWatermarkRepository implements PanacheRepositoryBase<SweepWatermark, String> {

    /**
     * Takes the tenant's lease until {@code until} when nobody holds it (or the holder's lease ran out):
     * one statement, so two replicas cannot both win. True when this caller holds it now.
     */
    public Uni<Boolean> lease(String tenant, Instant now, Instant until) {
        return getSession().chain(session -> session.createNativeQuery("""
                        insert into sweep_watermark (tenant, leased_until) values (:tenant, :until)
                        on conflict (tenant) do update set leased_until = excluded.leased_until
                        where sweep_watermark.leased_until is null or sweep_watermark.leased_until < :now""")
                .setParameter("tenant", tenant)
                .setParameter("until", until)
                .setParameter("now", now)
                .executeUpdate())
                .map(updated -> updated == 1);
    }
}
