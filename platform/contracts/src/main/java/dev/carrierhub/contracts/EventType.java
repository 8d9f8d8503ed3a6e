package dev.carrierhub.contracts;

import dev.carrierhub.contracts.events.BillingDiscrepancy;
import dev.carrierhub.contracts.events.LabelDeferred;
import dev.carrierhub.contracts.events.ShipmentCancelRequested;
import dev.carrierhub.contracts.events.ShipmentEvent;
import dev.carrierhub.contracts.events.ShipmentException;
import dev.carrierhub.contracts.events.ShipmentLabeled;
import dev.carrierhub.contracts.events.ShipmentRated;
import dev.carrierhub.contracts.events.ShipmentRequested;
import dev.carrierhub.contracts.events.ShipmentVoided;
import dev.carrierhub.contracts.events.TrackingUpdated;
import java.util.Arrays;
import java.util.Optional;

/**
 * The event catalogue: for each topic, its CloudEvents {@code type}, its payload record and the JSON
 * Schema that documents the payload. Versioned types let a consumer refuse what it cannot read.
 */
public enum EventType {
    SHIPMENT_REQUESTED(Topics.SHIPMENT_REQUESTED, ShipmentRequested.class),
    SHIPMENT_RATED(Topics.SHIPMENT_RATED, ShipmentRated.class),
    SHIPMENT_LABELED(Topics.SHIPMENT_LABELED, ShipmentLabeled.class),
    SHIPMENT_EXCEPTION(Topics.SHIPMENT_EXCEPTION, ShipmentException.class),
    SHIPMENT_CANCEL_REQUESTED(Topics.SHIPMENT_CANCEL_REQUESTED, ShipmentCancelRequested.class),
    SHIPMENT_VOIDED(Topics.SHIPMENT_VOIDED, ShipmentVoided.class),
    LABEL_DEFERRED(Topics.LABEL_DEFERRED, LabelDeferred.class),
    TRACKING_UPDATED(Topics.TRACKING_UPDATED, TrackingUpdated.class),
    BILLING_DISCREPANCY(Topics.BILLING_DISCREPANCY, BillingDiscrepancy.class);

    private static final int VERSION = 1;

    private final String topic;
    private final Class<? extends ShipmentEvent> payloadType;

    EventType(String topic, Class<? extends ShipmentEvent> payloadType) {
        this.topic = topic;
        this.payloadType = payloadType;
    }

    public String topic() {
        return topic;
    }

    /** The CloudEvents {@code type} attribute, e.g. {@code dev.carrierhub.shipment.requested.v1}. */
    public String ceType() {
        return "dev.carrierhub." + topic + ".v" + VERSION;
    }

    public Class<? extends ShipmentEvent> payloadType() {
        return payloadType;
    }

    /** Class-path location of the payload's JSON Schema. */
    public String schemaResource() {
        return "schemas/" + topic + ".v" + VERSION + ".schema.json";
    }

    public static Optional<EventType> ofCeType(String ceType) {
        return Arrays.stream(values()).filter(t -> t.ceType().equals(ceType)).findFirst();
    }

    public static EventType of(Class<? extends ShipmentEvent> payloadType) {
        return Arrays.stream(values())
                .filter(t -> t.payloadType.equals(payloadType))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no topic carries " + payloadType.getName()));
    }
}
