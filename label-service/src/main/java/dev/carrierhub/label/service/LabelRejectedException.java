package dev.carrierhub.label.service;

/** A carrier answered a booking with labels label-service will not keep (none, empty, or too large). */
public class LabelRejectedException extends RuntimeException {
    public LabelRejectedException(String message) {
        super(message, null, false, false);
    }
}
