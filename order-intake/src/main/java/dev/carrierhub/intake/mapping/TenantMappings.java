package dev.carrierhub.intake.mapping;

import dev.carrierhub.contracts.shipment.Address;
import java.util.Map;
import java.util.Optional;

/** The mappings in force for one tenant, as the shipment mapper uses them. */
public record TenantMappings(Map<Long, CarrierService> carriers, Map<Long, Address> warehouses,
        DefaultParcel defaultParcel) {
    public static final TenantMappings NONE = new TenantMappings(Map.of(), Map.of(), null);

    public TenantMappings {
        carriers = Map.copyOf(carriers);
        warehouses = Map.copyOf(warehouses);
    }

    public Optional<CarrierService> carrier(Long odooCarrierId) {
        return odooCarrierId == null ? Optional.empty() : Optional.ofNullable(carriers.get(odooCarrierId));
    }

    public Optional<Address> warehouse(Long warehouseId) {
        return warehouseId == null ? Optional.empty() : Optional.ofNullable(warehouses.get(warehouseId));
    }

    public Optional<DefaultParcel> parcel() {
        return Optional.ofNullable(defaultParcel);
    }
}
