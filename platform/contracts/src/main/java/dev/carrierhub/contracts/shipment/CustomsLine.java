package dev.carrierhub.contracts.shipment;

import java.math.BigDecimal;
import java.util.Objects;

/** One line of a customs declaration, needed when a shipment crosses a border. */
public record CustomsLine(
        String sku,
        String description,
        String hsCode,
        String originCountry,
        BigDecimal quantity,
        Weight weight,
        Money value) {
    public CustomsLine {
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(quantity, "quantity");
        Objects.requireNonNull(value, "value");
    }
}
