package dev.carrierhub.core.tracing;

import io.opentelemetry.api.common.AttributeKey;

/** The custom span attributes of Carrier Hub, in one registry, beside the OTel semantic conventions. */
public final class SpanAttributes {
    public static final AttributeKey<String> SHIPMENT_ID = AttributeKey.stringKey("carrierhub.shipment.id");
    public static final AttributeKey<String> CARRIER = AttributeKey.stringKey("carrierhub.carrier");
    public static final AttributeKey<String> TENANT = AttributeKey.stringKey("carrierhub.tenant");
    public static final AttributeKey<Long> ODOO_PICKING_ID = AttributeKey.longKey("odoo.picking.id");

    public static final AttributeKey<String> MESSAGING_SYSTEM = AttributeKey.stringKey("messaging.system");
    public static final AttributeKey<String> MESSAGING_DESTINATION = AttributeKey.stringKey("messaging.destination.name");
    public static final AttributeKey<String> MESSAGING_OPERATION_TYPE = AttributeKey.stringKey("messaging.operation.type");
    public static final AttributeKey<String> MESSAGING_MESSAGE_ID = AttributeKey.stringKey("messaging.message.id");
    public static final AttributeKey<String> MESSAGING_KAFKA_KEY = AttributeKey.stringKey("messaging.kafka.message.key");

    private SpanAttributes() {
    }
}
