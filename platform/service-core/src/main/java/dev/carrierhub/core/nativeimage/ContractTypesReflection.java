package dev.carrierhub.core.nativeimage;

import dev.carrierhub.contracts.events.BillingDiscrepancy;
import dev.carrierhub.contracts.events.DiscrepancyKind;
import dev.carrierhub.contracts.events.LabelDeferred;
import dev.carrierhub.contracts.events.LabelRef;
import dev.carrierhub.contracts.events.Milestone;
import dev.carrierhub.contracts.events.ProofOfDelivery;
import dev.carrierhub.contracts.events.Quote;
import dev.carrierhub.contracts.events.ShipmentCancelRequested;
import dev.carrierhub.contracts.events.ShipmentEvent;
import dev.carrierhub.contracts.events.ShipmentException;
import dev.carrierhub.contracts.events.ShipmentLabeled;
import dev.carrierhub.contracts.events.ShipmentRated;
import dev.carrierhub.contracts.events.ShipmentRequested;
import dev.carrierhub.contracts.events.ShipmentVoided;
import dev.carrierhub.contracts.events.TrackingUpdated;
import dev.carrierhub.contracts.shipment.Address;
import dev.carrierhub.contracts.shipment.CustomsLine;
import dev.carrierhub.contracts.shipment.Dimensions;
import dev.carrierhub.contracts.shipment.LengthUnit;
import dev.carrierhub.contracts.shipment.Money;
import dev.carrierhub.contracts.shipment.OdooPickingRef;
import dev.carrierhub.contracts.shipment.Parcel;
import dev.carrierhub.contracts.shipment.ServiceLevel;
import dev.carrierhub.contracts.shipment.Shipment;
import dev.carrierhub.contracts.shipment.ShipmentIds;
import dev.carrierhub.contracts.shipment.Weight;
import dev.carrierhub.contracts.shipment.WeightUnit;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * Registers the contract types for reflection in native executables: every service reads and writes them with
 * Jackson's ObjectMapper (events, stored bookings and quotes), which Quarkus cannot see the way it sees REST
 * resource types. ContractTypesReflectionTest keeps the list equal to the types in platform/contracts.
 */
@RegisterForReflection(targets = {
        BillingDiscrepancy.class,
        DiscrepancyKind.class,
        LabelDeferred.class,
        LabelRef.class,
        Milestone.class,
        ProofOfDelivery.class,
        Quote.class,
        ShipmentCancelRequested.class,
        ShipmentEvent.class,
        ShipmentException.class,
        ShipmentLabeled.class,
        ShipmentRated.class,
        ShipmentRequested.class,
        ShipmentVoided.class,
        TrackingUpdated.class,
        Address.class,
        CustomsLine.class,
        Dimensions.class,
        LengthUnit.class,
        Money.class,
        OdooPickingRef.class,
        Parcel.class,
        ServiceLevel.class,
        Shipment.class,
        ShipmentIds.class,
        Weight.class,
        WeightUnit.class
})
public final class ContractTypesReflection {
    private ContractTypesReflection() {
    }
}
