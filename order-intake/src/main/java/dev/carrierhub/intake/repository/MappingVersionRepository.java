package dev.carrierhub.intake.repository;

import dev.carrierhub.intake.mapping.MappingKind;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

/** The versioned mapping tables. Every query is scoped by tenant: no entry is reachable without it. */
@ApplicationScoped
public class MappingVersionRepository implements PanacheRepositoryBase<MappingVersion, UUID> {

    /** The version in force of every entry of the tenant. */
    public Uni<List<MappingVersion>> current(String tenant) {
        return find("from MappingVersion m where m.tenant = ?1 and m.version = (select max(v.version) "
                + "from MappingVersion v where v.tenant = m.tenant and v.kind = m.kind and v.key = m.key) "
                + "order by m.kind, m.key", tenant).list();
    }

    /** Every version of the tenant's entries, newest first within each entry. */
    public Uni<List<MappingVersion>> history(String tenant) {
        return find("tenant = ?1 order by kind, key, version desc", tenant).list();
    }

    /** Every version of one entry, newest first. */
    public Uni<List<MappingVersion>> history(String tenant, MappingKind kind, String key) {
        return find("tenant = ?1 and kind = ?2 and key = ?3 order by version desc", tenant, kind, key).list();
    }

    /**
     * Serialises writers of one entry until the transaction ends (a PostgreSQL advisory lock), so two
     * changes at once get versions n+1 and n+2 instead of one failing on the unique constraint.
     */
    public Uni<Void> lockEntry(String tenant, MappingKind kind, String key) {
        return Panache.getSession().chain(session -> session
                .createNativeQuery("select count(*) from (select pg_advisory_xact_lock(hashtextextended(?1, 0))) l")
                .setParameter(1, "mapping:" + tenant + ":" + kind + ":" + key)
                .getSingleResult())
                .replaceWithVoid();
    }
}
