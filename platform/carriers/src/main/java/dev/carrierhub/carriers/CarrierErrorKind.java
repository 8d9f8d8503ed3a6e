package dev.carrierhub.carriers;

/** Why a carrier call failed, which decides what the caller does next. */
public enum CarrierErrorKind {
    /** A passing fault (5xx, timeout, reset connection): retry with back-off, with the same idempotency key. */
    TRANSIENT(true),
    /** The carrier throttles us: retry after its {@code Retry-After}. */
    RATE_LIMITED(true),
    /** The carrier rejected the request itself (bad address, unknown service): a person has to fix the data. */
    INVALID_REQUEST(false),
    /** Credentials were refused: retrying will not help until the account is fixed. */
    AUTH_FAILED(false),
    /** The carrier is down or unreachable: fall back to another carrier or defer the work. */
    UNAVAILABLE(true);

    private final boolean retryable;

    CarrierErrorKind(boolean retryable) {
        this.retryable = retryable;
    }

    /** Whether the same request may succeed later without anyone changing anything. */
    public boolean retryable() {
        return retryable;
    }
}
