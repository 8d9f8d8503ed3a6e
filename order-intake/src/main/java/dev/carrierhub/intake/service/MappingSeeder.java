package dev.carrierhub.intake.service;

import dev.carrierhub.contracts.shipment.Address;
import dev.carrierhub.core.tracing.TracedWork;
import dev.carrierhub.intake.config.MappingsConfig;
import dev.carrierhub.intake.mapping.CarrierService;
import dev.carrierhub.intake.mapping.DefaultParcel;
import dev.carrierhub.intake.mapping.MappingKind;
import dev.carrierhub.intake.mapping.MappingVersioning.Source;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * Seeds the versioned mapping tables from configuration at start. Idempotent: configuration that has
 * not changed since the last seed creates no version, and an operator's later change survives a restart.
 */
@ApplicationScoped
public class MappingSeeder {
    /** Who a seeded version was changed by. */
    public static final String CHANGED_BY = "configuration";
    private static final Logger LOG = Logger.getLogger(MappingSeeder.class);

    private final MappingsConfig config;
    private final MappingService mappings;
    private final TracedWork work;

    public MappingSeeder(MappingsConfig config, MappingService mappings, TracedWork work) {
        this.config = config;
        this.mappings = mappings;
        this.work = work;
    }

    void onStart(@Observes StartupEvent start) {
        // Shipments mapped before the seed would use stale mappings: start only once it is in.
        int created = seed().await().atMost(Duration.ofMinutes(1));
        LOG.infof("mapping seed from configuration: %d new version(s)", created);
    }

    /** Seeds every configured entry; the number of versions it created. */
    public Uni<Integer> seed() {
        List<Seed> seeds = seeds(config);
        return work.runUntraced(() -> Multi.createFrom().iterable(seeds)
                .onItem().transformToUniAndConcatenate(seed -> mappings.put(seed.tenant(), seed.kind(), seed.key(),
                        seed.value(), CHANGED_BY, Source.CONFIG))
                .collect().asList()
                .map(changes -> (int) changes.stream().filter(MappingService.Change::created).count()));
    }

    static List<Seed> seeds(MappingsConfig config) {
        List<Seed> seeds = new ArrayList<>();
        for (Map.Entry<String, MappingsConfig.Tenant> tenant : config.tenants().entrySet()) {
            String name = tenant.getKey();
            tenant.getValue().carriers().forEach((id, carrier) -> seeds.add(new Seed(name, MappingKind.CARRIER, id,
                    new CarrierService(carrier.carrier(), carrier.serviceCode().orElse(null), carrier.serviceLevel()))));
            tenant.getValue().warehouses().forEach((id, from) -> seeds.add(new Seed(name, MappingKind.WAREHOUSE, id,
                    new Address(from.name(), from.company().orElse(null), from.street(), from.street2().orElse(null),
                            from.city(), from.postalCode().orElse(null), from.stateCode().orElse(null),
                            from.countryCode(), from.phone().orElse(null), from.email().orElse(null), false))));
            tenant.getValue().defaultParcel().ifPresent(parcel -> seeds.add(new Seed(name, MappingKind.DEFAULT_PARCEL,
                    MappingKind.DEFAULT_KEY, new DefaultParcel(parcel.length(), parcel.width(), parcel.height(),
                            parcel.unit(), parcel.packageType().orElse(null)))));
        }
        return seeds;
    }

    /** One configured mapping entry. */
    record Seed(String tenant, MappingKind kind, String key, Object value) {
    }
}
