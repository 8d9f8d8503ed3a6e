package dev.carrierhub.rating.service;

import dev.carrierhub.contracts.events.Quote;
import dev.carrierhub.contracts.shipment.Money;
import dev.carrierhub.contracts.shipment.ServiceLevel;

/** Quotes for the policy tests. */
final class Quotes {
    private Quotes() {
    }

    static Quote quote(String carrier, String service, String price, Integer days) {
        return new Quote(null, carrier, service, ServiceLevel.STANDARD, Money.of(price, "EUR"), days);
    }
}
