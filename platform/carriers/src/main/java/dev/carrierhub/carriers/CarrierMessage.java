package dev.carrierhub.carriers;

import java.util.Objects;

/** A note the carrier attached to a result (a warning travels as data, not as an exception). */
public record CarrierMessage(String code, String text, Severity severity) {
    public CarrierMessage {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(severity, "severity");
    }

    /** How much a message matters to the person reading the shipment. */
    public enum Severity { INFO, WARNING, ERROR }
}
