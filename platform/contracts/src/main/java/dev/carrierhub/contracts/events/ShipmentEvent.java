package dev.carrierhub.contracts.events;

/** Every topic payload belongs to one shipment, whose id is the Kafka key and the CloudEvents subject. */
public interface ShipmentEvent {
    String shipmentId();
}
