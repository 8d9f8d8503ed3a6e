package dev.carrierhub.tracking.callback;

/** Why a callback was accepted or refused; the reason is counted, never told to the caller. */
public enum Verdict {
    VALID,
    /** No signature header, or one that cannot be read. */
    MISSING_OR_MALFORMED,
    /** Signed too long ago or too far ahead: possibly a replay. */
    OUTSIDE_TOLERANCE,
    /** Another secret or another body. */
    MISMATCH,
    /** The carrier account has no webhook secret, so nothing from it can be trusted. */
    NOT_CONFIGURED;

    public boolean valid() {
        return this == VALID;
    }
}
