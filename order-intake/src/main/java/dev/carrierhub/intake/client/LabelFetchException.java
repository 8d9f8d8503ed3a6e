package dev.carrierhub.intake.client;

/** A label could not be downloaded; {@link #transientFailure()} when a later try may succeed. */
public class LabelFetchException extends RuntimeException {
    private final boolean transientFailure;

    public LabelFetchException(String message, boolean transientFailure, Throwable cause) {
        super(message, cause);
        this.transientFailure = transientFailure;
    }

    public boolean transientFailure() {
        return transientFailure;
    }
}
