package dev.carrierhub.intake.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.carrierhub.contracts.Json;
import dev.carrierhub.contracts.shipment.Address;
import dev.carrierhub.core.problem.ProblemException;
import dev.carrierhub.core.problem.UnprocessableContent;
import dev.carrierhub.intake.config.MappingsConfig;
import dev.carrierhub.intake.config.TenantsConfig;
import dev.carrierhub.intake.mapping.CarrierService;
import dev.carrierhub.intake.mapping.DefaultParcel;
import dev.carrierhub.intake.mapping.MappingEntry;
import dev.carrierhub.intake.mapping.MappingKind;
import dev.carrierhub.intake.mapping.MappingVersioning;
import dev.carrierhub.intake.mapping.MappingVersioning.Source;
import dev.carrierhub.intake.mapping.MappingVersioning.Version;
import dev.carrierhub.intake.mapping.OdooUnits;
import dev.carrierhub.intake.mapping.TenantMappings;
import dev.carrierhub.intake.repository.MappingVersion;
import dev.carrierhub.intake.repository.MappingVersionRepository;
import dev.carrierhub.intake.validation.AddressRule;
import dev.carrierhub.intake.validation.PhoneRule;
import dev.carrierhub.intake.validation.Violation;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * The tenant's mapping tables: what is in force, the history, and changes, each of which adds a version
 * (the only writer of {@code mapping_version}). A value is checked before it is stored: a ship-from
 * override must itself be a valid address.
 */
@ApplicationScoped
public class MappingService {
    private static final ObjectMapper JSON = Json.mapper();

    private final MappingVersionRepository versions;
    private final TenantsConfig tenants;
    private final MappingsConfig configured;

    public MappingService(MappingVersionRepository versions, TenantsConfig tenants, MappingsConfig configured) {
        this.versions = versions;
        this.tenants = tenants;
        this.configured = configured;
    }

    /** A tenant is known when it has an Odoo configured or mappings seeded from configuration. */
    public boolean isKnownTenant(String tenant) {
        return tenants.tenants().containsKey(tenant) || configured.tenants().containsKey(tenant);
    }

    /** The mappings in force, as the shipment mapper uses them. */
    public Uni<TenantMappings> mappings(String tenant) {
        return Panache.withSession(() -> versions.current(tenant)).map(rows -> {
            Map<Long, CarrierService> carriers = new HashMap<>();
            Map<Long, Address> warehouses = new HashMap<>();
            DefaultParcel parcel = null;
            for (MappingVersion row : rows) {
                switch (row.kind) {
                    case CARRIER -> carriers.put(Long.valueOf(row.key), read(row.value, CarrierService.class));
                    case WAREHOUSE -> warehouses.put(Long.valueOf(row.key), read(row.value, Address.class));
                    case DEFAULT_PARCEL -> parcel = read(row.value, DefaultParcel.class);
                }
            }
            return new TenantMappings(carriers, warehouses, parcel);
        });
    }

    /** The units the tenant's Odoo stores weights and dimensions in (configuration, not versioned). */
    public OdooUnits odooUnits(String tenant) {
        MappingsConfig.Tenant tenantConfig = configured.tenants().get(tenant);
        return tenantConfig == null ? OdooUnits.DEFAULT
                : new OdooUnits(tenantConfig.odooUnits().weight(), tenantConfig.odooUnits().length());
    }

    public Uni<List<MappingEntry>> current(String tenant) {
        return Panache.withSession(() -> versions.current(tenant)).map(rows -> rows.stream().map(this::entry).toList());
    }

    public Uni<List<MappingEntry>> history(String tenant) {
        return Panache.withSession(() -> versions.history(tenant)).map(rows -> rows.stream().map(this::entry).toList());
    }

    public Uni<List<MappingEntry>> history(String tenant, MappingKind kind, String key) {
        return Panache.withSession(() -> versions.history(tenant, kind, key))
                .map(rows -> rows.stream().map(this::entry).toList());
    }

    /**
     * Proposes a value for one entry. It becomes the next version unless it equals the value in force
     * (see {@link MappingVersioning} for configuration seeds).
     */
    public Uni<Change> put(String tenant, MappingKind kind, String key, Object value, String changedBy,
            Source source) {
        Object checked = check(kind, key, value);
        String json = write(checked);
        return Panache.withTransaction(() -> versions.lockEntry(tenant, kind, key)
                .chain(() -> versions.history(tenant, kind, key))
                .chain(history -> {
                    List<Version<Object>> past = history.stream()
                            .map(row -> new Version<Object>(row.version, read(row.value, checked.getClass()), row.source))
                            .toList();
                    OptionalInt next = MappingVersioning.nextVersion(past, checked, source);
                    if (next.isEmpty()) {
                        return Uni.createFrom().item(new Change(entry(history.get(0)), false));
                    }
                    MappingVersion row = new MappingVersion();
                    row.id = UUID.randomUUID();
                    row.tenant = tenant;
                    row.kind = kind;
                    row.key = key;
                    row.version = next.getAsInt();
                    row.validFrom = Instant.now();
                    row.changedBy = changedBy;
                    row.source = source;
                    row.value = json;
                    return versions.persist(row).map(saved -> new Change(entry(saved), true));
                }));
    }

    /** The value, tidied, or a 422 problem listing what is wrong with it. */
    private static Object check(MappingKind kind, String key, Object value) {
        List<String> errors = new ArrayList<>();
        Object tidy = value;
        if (kind == MappingKind.DEFAULT_PARCEL) {
            if (!MappingKind.DEFAULT_KEY.equals(key)) {
                errors.add("the default parcel's key is '" + MappingKind.DEFAULT_KEY + "'");
            }
            DefaultParcel parcel = (DefaultParcel) value;
            if (Stream.of(parcel.length(), parcel.width(), parcel.height()).anyMatch(side -> side.signum() <= 0)) {
                errors.add("parcel.dimensions.not-positive: every side must be more than zero");
            }
        } else if (!key.matches("[1-9]\\d{0,17}")) {
            errors.add("the key must be an Odoo record id (a positive number), was '" + key + "'");
        }
        if (kind == MappingKind.CARRIER) {
            CarrierService service = (CarrierService) value;
            if (service.carrier().isBlank()) {
                errors.add("carrier must not be blank");
            }
        }
        if (kind == MappingKind.WAREHOUSE) {
            List<Violation> violations = new ArrayList<>();
            Address address = new AddressRule().check((Address) value, "shipFrom", violations);
            tidy = new PhoneRule().check(address, "shipFrom", false, violations);
            violations.stream().filter(Violation::isError)
                    .forEach(v -> errors.add(v.code() + ": " + v.message()));
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(UnprocessableContent.STATUS, "invalid-mapping",
                    "The " + kind + " mapping '" + key + "' is not valid.", errors);
        }
        return tidy;
    }

    private MappingEntry entry(MappingVersion row) {
        Class<?> type = switch (row.kind) {
            case CARRIER -> CarrierService.class;
            case WAREHOUSE -> Address.class;
            case DEFAULT_PARCEL -> DefaultParcel.class;
        };
        return new MappingEntry(row.kind, row.key, row.version, row.validFrom, row.changedBy, row.source,
                read(row.value, type));
    }

    private static <T> T read(String json, Class<T> type) {
        try {
            return JSON.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The entry now in force, and whether this call created it. */
    public record Change(MappingEntry entry, boolean created) {
    }
}
