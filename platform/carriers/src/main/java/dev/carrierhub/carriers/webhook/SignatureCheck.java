package dev.carrierhub.carriers.webhook;

/**
 * What the check of a carrier callback's signature found. The receiver counts the reason and answers the
 * sender without it, so a forger learns nothing.
 */
public enum SignatureCheck {
    VALID,
    /** No signature, or a signature, key id or signed timestamp that cannot be read. */
    MALFORMED,
    /** Signed too long ago or too far ahead: possibly a replay. */
    OUTSIDE_TOLERANCE,
    /** Well-formed and timely, but made with another secret or key, or over another body. */
    MISMATCH,
    /** The keys to check it with cannot be fetched now (ShipEngine's JWKS); the sender should try again later. */
    KEYS_UNAVAILABLE;

    public boolean valid() {
        return this == VALID;
    }
}
