package dev.carrierhub.intake.service;

import dev.carrierhub.contracts.shipment.Shipment;
import dev.carrierhub.intake.client.PickingSnapshot;
import dev.carrierhub.intake.mapping.CarrierService;
import dev.carrierhub.intake.mapping.OdooUnits;
import dev.carrierhub.intake.mapping.PickingMappingException;
import dev.carrierhub.intake.mapping.ShipmentMapper;
import dev.carrierhub.intake.mapping.TenantMappings;
import dev.carrierhub.intake.validation.ReasonCodes;
import dev.carrierhub.intake.validation.ShipmentValidator;
import dev.carrierhub.intake.validation.ValidationPolicy;
import dev.carrierhub.intake.validation.ValidationResult;
import dev.carrierhub.intake.validation.Violation;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * From an Odoo picking to a shipment that may be requested: map it with the tenant's mapping tables,
 * then run every validation rule. A shipment with errors is refused as a whole with all its reasons
 * ({@link PickingMappingException}); warnings travel with an accepted shipment. Pure.
 */
public final class ShipmentGovernance {
    private final ShipmentMapper mapper = new ShipmentMapper();
    private final ShipmentValidator validator = new ShipmentValidator();

    public Accepted prepare(String tenant, PickingSnapshot picking, TenantMappings mappings, OdooUnits units,
            ValidationPolicy policy) {
        Shipment mapped = mapper.toShipment(tenant, picking, mappings, units);
        Optional<CarrierService> service = mappings.carrier(picking.carrierId());
        ValidationResult result = validator.validate(mapped, policy,
                service.map(CarrierService::serviceCode).orElse(null));
        if (!result.isValid()) {
            throw new PickingMappingException(result.reasonCode(), result.message(), result.violations());
        }
        List<Violation> warnings = new ArrayList<>(result.warnings());
        if (picking.carrierId() != null && service.isEmpty()) {
            warnings.add(Violation.warning(ReasonCodes.MAPPING_CARRIER_UNMAPPED, "preferredCarrier",
                    "The Odoo delivery method " + picking.carrierId() + " (" + picking.carrierName()
                            + ") has no carrier mapping; rate shopping picks the carrier."));
        }
        return new Accepted(result.shipment(), warnings);
    }

    /** A shipment that passed validation, with the warnings found on the way. */
    public record Accepted(Shipment shipment, List<Violation> warnings) {
        public Accepted {
            warnings = List.copyOf(warnings);
        }
    }
}
