package dev.carrierhub.tracking.callback;

import dev.carrierhub.carriers.webhook.SignatureCheck;

/** Why a callback was accepted or refused; the reason is counted, never told to the caller. */
public enum Verdict {
    VALID,
    /** No signature header, or one that cannot be read. */
    MISSING_OR_MALFORMED,
    /** Signed too long ago or too far ahead: possibly a replay. */
    OUTSIDE_TOLERANCE,
    /** Another secret or key, or another body. */
    MISMATCH,
    /** The carrier's keys cannot be fetched now (ShipEngine's JWKS): the carrier is asked to send again later. */
    KEYS_UNAVAILABLE,
    /** No secret is configured for the carrier (or its scheme is not enabled), so nothing from it can be trusted. */
    NOT_CONFIGURED;

    public boolean valid() {
        return this == VALID;
    }

    /** The verdict of a carrier library's signature check. */
    public static Verdict of(SignatureCheck check) {
        return switch (check) {
            case VALID -> VALID;
            case MALFORMED -> MISSING_OR_MALFORMED;
            case OUTSIDE_TOLERANCE -> OUTSIDE_TOLERANCE;
            case MISMATCH -> MISMATCH;
            case KEYS_UNAVAILABLE -> KEYS_UNAVAILABLE;
        };
    }
}
