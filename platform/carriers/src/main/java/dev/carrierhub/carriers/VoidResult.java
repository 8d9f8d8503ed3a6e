package dev.carrierhub.carriers;

import java.util.List;
import java.util.Objects;

/** The outcome of voiding a label; {@code alreadyVoided} tells a repeated void from the first one. */
public record VoidResult(String carrierShipmentId, boolean alreadyVoided, List<CarrierMessage> messages) {
    public VoidResult {
        Objects.requireNonNull(carrierShipmentId, "carrierShipmentId");
        messages = messages == null ? List.of() : List.copyOf(messages);
    }
}
