package dev.carrierhub.contracts.events;

import dev.carrierhub.contracts.shipment.Money;
import dev.carrierhub.contracts.shipment.ServiceLevel;
import java.util.Objects;

/** One carrier's price for one service; transit days are absent when the carrier gives none. */
public record Quote(
        String quoteId,
        String carrier,
        String serviceCode,
        ServiceLevel serviceLevel,
        Money price,
        Integer transitDays) {
    public Quote {
        Objects.requireNonNull(carrier, "carrier");
        Objects.requireNonNull(serviceCode, "serviceCode");
        Objects.requireNonNull(price, "price");
    }
}
