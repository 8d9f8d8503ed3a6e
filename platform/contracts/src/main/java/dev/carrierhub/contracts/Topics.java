package dev.carrierhub.contracts;

import java.util.List;

/** Every Kafka topic name, in one place. */
public final class Topics {
    public static final String SHIPMENT_REQUESTED = "shipment.requested";
    public static final String SHIPMENT_RATED = "shipment.rated";
    public static final String SHIPMENT_LABELED = "shipment.labeled";
    public static final String SHIPMENT_EXCEPTION = "shipment.exception";
    public static final String SHIPMENT_CANCEL_REQUESTED = "shipment.cancel-requested";
    /** A label the carrier voided (a cancelled picking, or an operator's void). */
    public static final String SHIPMENT_VOIDED = "shipment.voided";
    public static final String TRACKING_UPDATED = "tracking.updated";
    public static final String BILLING_DISCREPANCY = "billing.discrepancy";
    /** Carrier work label-service could not do now and retries on a schedule. */
    public static final String LABEL_DEFERRED = "label.deferred";

    private Topics() {
    }

    /** The dead-letter topic of one consumer of {@code topic}. */
    public static String deadLetter(String topic) {
        return topic + ".dlq";
    }

    /**
     * The dead-letter topic of a second service consuming {@code topic}: its own, so the first service's
     * dead-letter consumer never takes the other's records for its own.
     */
    public static String deadLetter(String topic, String service) {
        return topic + "." + service + ".dlq";
    }

    /** Dead-letter topics of second consumers: billing-reconciler reads shipment.rated and shipment.voided too. */
    public static final List<String> SECOND_CONSUMER_DEAD_LETTERS = List.of(
            deadLetter(SHIPMENT_RATED, "billing"), deadLetter(SHIPMENT_VOIDED, "billing"));
}
