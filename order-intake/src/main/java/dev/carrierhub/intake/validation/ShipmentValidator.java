package dev.carrierhub.intake.validation;

import dev.carrierhub.contracts.shipment.Address;
import dev.carrierhub.contracts.shipment.Shipment;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs every governance rule on a canonical shipment before it is requested, and collects all failures
 * instead of stopping at the first: a person fixing the picking in Odoo sees everything at once. Pure.
 */
public final class ShipmentValidator {
    private final AddressRule addresses = new AddressRule();
    private final PhoneRule phones = new PhoneRule();
    private final ParcelRule parcels = new ParcelRule();
    private final MoneyRule money = new MoneyRule();
    private final CustomsRule customs = new CustomsRule();
    private final HazardousRule hazardous = new HazardousRule();

    /**
     * @param serviceCode the carrier service code the tenant's mapping chose, or null; the canonical
     *                    shipment only carries the carrier and service level
     */
    public ValidationResult validate(Shipment shipment, ValidationPolicy policy, String serviceCode) {
        List<Violation> violations = new ArrayList<>();
        Address shipFrom = addresses.check(shipment.shipFrom(), "shipFrom", violations);
        Address shipTo = addresses.check(shipment.shipTo(), "shipTo", violations);
        shipFrom = phones.check(shipFrom, "shipFrom", policy.phoneRequired(), violations);
        shipTo = phones.check(shipTo, "shipTo", policy.phoneRequired(), violations);
        Shipment tidy = new Shipment(shipment.shipmentId(), shipment.picking(), shipFrom, shipTo, shipment.parcels(),
                shipment.declaredValue(), shipment.serviceLevel(), shipment.customsLines(), shipment.hazardous(),
                shipment.preferredCarrier());
        parcels.check(tidy.parcels(), policy, violations);
        money.check(tidy.declaredValue(), violations);
        customs.check(tidy, policy, violations);
        hazardous.check(tidy, serviceCode, policy, violations);
        // Errors first, each group in rule order: the first error is the reason code.
        List<Violation> ordered = new ArrayList<>(violations.stream().filter(Violation::isError).toList());
        ordered.addAll(violations.stream().filter(v -> !v.isError()).toList());
        return new ValidationResult(tidy, ordered);
    }
}
