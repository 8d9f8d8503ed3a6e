package dev.carrierhub.contracts.events;

/** Why a billed amount differs from what was expected. */
public enum DiscrepancyKind {
    WEIGHT_ADJUSTMENT,
    DIMENSION_ADJUSTMENT,
    SURCHARGE,
    DUPLICATE_BILLING,
    BILLED_AFTER_VOID,
    UNKNOWN_SHIPMENT,
    SERVICE_MISMATCH,
    /** Billed beyond tolerance, and nothing on the invoice (no surcharge, weight or service) says why. */
    PRICE_VARIANCE,
    WITHIN_TOLERANCE
}
