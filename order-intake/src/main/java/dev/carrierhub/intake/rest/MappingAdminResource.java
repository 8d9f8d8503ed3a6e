package dev.carrierhub.intake.rest;

import dev.carrierhub.contracts.shipment.Address;
import dev.carrierhub.contracts.shipment.LengthUnit;
import dev.carrierhub.contracts.shipment.ServiceLevel;
import dev.carrierhub.core.problem.Problem;
import dev.carrierhub.core.problem.ProblemException;
import dev.carrierhub.core.problem.UnprocessableContent;
import dev.carrierhub.intake.mapping.CarrierService;
import dev.carrierhub.intake.mapping.DefaultParcel;
import dev.carrierhub.intake.mapping.MappingEntry;
import dev.carrierhub.intake.mapping.MappingKind;
import dev.carrierhub.intake.mapping.MappingVersioning.Source;
import dev.carrierhub.intake.service.MappingService;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * The tenant's mapping tables for operators: what is in force, the history, and changes (each a new
 * version). Every call is scoped by the tenant in the path, and a token that names its tenants
 * ({@code tenants} claim) reaches only those.
 */
@Path("/admin/tenants/{tenant}/mappings")
@RolesAllowed("operator")
@Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
@APIResponse(responseCode = "401", description = "No or invalid bearer token", content = @Content(mediaType = Problem.MEDIA_TYPE))
@APIResponse(responseCode = "403", description = "No operator role, or another tenant's token",
        content = @Content(mediaType = Problem.MEDIA_TYPE))
@APIResponse(responseCode = "404", description = "Unknown tenant", content = @Content(mediaType = Problem.MEDIA_TYPE))
public class MappingAdminResource {

    private final MappingService mappings;
    private final SecurityIdentity identity;

    public MappingAdminResource(MappingService mappings, SecurityIdentity identity) {
        this.mappings = mappings;
        this.identity = identity;
    }

    @GET
    @Operation(summary = "The mappings in force", description = "Carrier, warehouse and default-parcel mappings, "
            + "each with its version, when it became valid and who changed it.")
    public Uni<CurrentMappings> current(@PathParam("tenant") String tenant) {
        authorize(tenant);
        return mappings.current(tenant).map(entries -> new CurrentMappings(tenant,
                entries.stream().filter(e -> e.kind() == MappingKind.CARRIER).toList(),
                entries.stream().filter(e -> e.kind() == MappingKind.WAREHOUSE).toList(),
                entries.stream().filter(e -> e.kind() == MappingKind.DEFAULT_PARCEL).findFirst().orElse(null)));
    }

    @GET
    @Path("/versions")
    @Operation(summary = "Every version of the tenant's mappings",
            description = "Newest first within each entry; narrow with kind (carriers, warehouses, default-parcel) and key.")
    public Uni<MappingHistory> versions(@PathParam("tenant") String tenant, @QueryParam("kind") String kind,
            @QueryParam("key") String key) {
        authorize(tenant);
        if (kind == null) {
            return mappings.history(tenant).map(all -> new MappingHistory(tenant, all));
        }
        MappingKind parsed = kind(kind);
        String entryKey = parsed == MappingKind.DEFAULT_PARCEL ? MappingKind.DEFAULT_KEY : key;
        if (entryKey == null) {
            return mappings.history(tenant)
                    .map(all -> new MappingHistory(tenant, all.stream().filter(e -> e.kind() == parsed).toList()));
        }
        return mappings.history(tenant, parsed, entryKey).map(entry -> new MappingHistory(tenant, entry));
    }

    @PUT
    @Path("/carriers/{odooCarrierId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Map an Odoo delivery method (delivery.carrier id) to a carrier service")
    @APIResponse(responseCode = "200", description = "The mapping in force; a new version unless nothing changed")
    @APIResponse(responseCode = "422", description = "Not a valid mapping", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Uni<MappingChange> putCarrier(@PathParam("tenant") String tenant,
            @PathParam("odooCarrierId") String odooCarrierId, CarrierMappingRequest request) {
        authorize(tenant);
        List<String> errors = new ArrayList<>();
        String carrier = required(request == null ? null : request.carrier(), "carrier", errors);
        ServiceLevel level = parse(ServiceLevel.class, request == null ? null : request.serviceLevel(),
                ServiceLevel.STANDARD, "serviceLevel", errors);
        rejectIf(errors);
        return change(tenant, MappingKind.CARRIER, odooCarrierId,
                new CarrierService(carrier, blankToNull(request.serviceCode()), level));
    }

    @PUT
    @Path("/warehouses/{warehouseId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Replace an Odoo warehouse's (stock.warehouse id) ship-from address")
    @APIResponse(responseCode = "200", description = "The mapping in force; a new version unless nothing changed")
    @APIResponse(responseCode = "422", description = "Not a valid address", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Uni<MappingChange> putWarehouse(@PathParam("tenant") String tenant,
            @PathParam("warehouseId") String warehouseId, WarehouseMappingRequest request) {
        authorize(tenant);
        List<String> errors = new ArrayList<>();
        WarehouseMappingRequest r = request == null
                ? new WarehouseMappingRequest(null, null, null, null, null, null, null, null, null, null) : request;
        String name = required(r.name(), "name", errors);
        String street = required(r.street1(), "street1", errors);
        String city = required(r.city(), "city", errors);
        String country = required(r.countryCode(), "countryCode", errors);
        rejectIf(errors);
        return change(tenant, MappingKind.WAREHOUSE, warehouseId, new Address(name, blankToNull(r.company()), street,
                blankToNull(r.street2()), city, blankToNull(r.postalCode()), blankToNull(r.stateCode()), country,
                blankToNull(r.phone()), blankToNull(r.email()), false));
    }

    @PUT
    @Path("/default-parcel")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Set the box used when Odoo names no package (dimensions with their unit, default mm)")
    @APIResponse(responseCode = "200", description = "The mapping in force; a new version unless nothing changed")
    @APIResponse(responseCode = "422", description = "Not a valid parcel", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Uni<MappingChange> putDefaultParcel(@PathParam("tenant") String tenant, ParcelMappingRequest request) {
        authorize(tenant);
        List<String> errors = new ArrayList<>();
        ParcelMappingRequest r = request == null ? new ParcelMappingRequest(null, null, null, null, null) : request;
        BigDecimal length = required(r.length(), "length", errors);
        BigDecimal width = required(r.width(), "width", errors);
        BigDecimal height = required(r.height(), "height", errors);
        LengthUnit unit = parse(LengthUnit.class, r.unit(), LengthUnit.MM, "unit", errors);
        rejectIf(errors);
        return change(tenant, MappingKind.DEFAULT_PARCEL, MappingKind.DEFAULT_KEY,
                new DefaultParcel(length, width, height, unit, blankToNull(r.packageType())));
    }

    private Uni<MappingChange> change(String tenant, MappingKind kind, String key, Object value) {
        return mappings.put(tenant, kind, key, value, identity.getPrincipal().getName(), Source.API)
                .map(change -> new MappingChange(change.created(), change.entry()));
    }

    /**
     * The path tenant must exist, and a token that lists its tenants must list this one: the tenant in
     * the path is the only way to reach a tenant's mappings, so this check closes every other door.
     */
    private void authorize(String tenant) {
        if (!OperatorTenants.reaches(identity, tenant)) {
            throw new ForbiddenException("This token is not for tenant " + tenant + ".");
        }
        if (!mappings.isKnownTenant(tenant)) {
            throw new ProblemException(Response.Status.NOT_FOUND, "tenant-not-found", "No tenant " + tenant + " is configured.");
        }
    }

    private static MappingKind kind(String kind) {
        try {
            return MappingKind.fromPath(kind);
        } catch (IllegalArgumentException e) {
            throw new ProblemException(UnprocessableContent.STATUS, "invalid-mapping",
                    "kind is one of carriers, warehouses, default-parcel; was '" + kind + "'.");
        }
    }

    private static <T> T required(T value, String field, List<String> errors) {
        if (value == null || (value instanceof String s && s.isBlank())) {
            errors.add(field + " is required");
        }
        return value instanceof String s ? (T) s.strip() : value;
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String value, E fallback, String field,
            List<String> errors) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            errors.add(field + " is one of " + List.of(type.getEnumConstants()) + ", was '" + value + "'");
            return fallback;
        }
    }

    private static void rejectIf(List<String> errors) {
        if (!errors.isEmpty()) {
            throw new ProblemException(UnprocessableContent.STATUS, "invalid-mapping", "The mapping is not valid.",
                    errors);
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** The mappings in force for one tenant. */
    public record CurrentMappings(String tenant, List<MappingEntry> carriers, List<MappingEntry> warehouses,
            MappingEntry defaultParcel) {
    }

    /** Versions of a tenant's mappings. */
    public record MappingHistory(String tenant, List<MappingEntry> versions) {
    }

    /** The entry in force after a PUT, and whether the PUT created a version. */
    public record MappingChange(boolean created, MappingEntry mapping) {
    }

    /** Body of a carrier mapping: {@code serviceLevel} is ECONOMY, STANDARD (default), EXPRESS or OVERNIGHT. */
    public record CarrierMappingRequest(String carrier, String serviceCode, String serviceLevel) {
    }

    /** Body of a warehouse mapping: the ship-from address (country ISO 3166-1 alpha-2). */
    public record WarehouseMappingRequest(String name, String company, String street1, String street2, String city,
            String postalCode, String stateCode, String countryCode, String phone, String email) {
    }

    /** Body of the default parcel: sides with their unit (MM by default, as Odoo stores them; CM, M, IN). */
    public record ParcelMappingRequest(BigDecimal length, BigDecimal width, BigDecimal height, String unit,
            String packageType) {
    }
}
