package dev.carrierhub.carriers;

import dev.carrierhub.contracts.events.Quote;
import java.util.List;
import java.util.Objects;

/** The quotes a carrier gave for one shipment, with any warnings it attached. */
public record RateResult(List<Quote> quotes, List<CarrierMessage> messages) {
    public RateResult {
        quotes = List.copyOf(Objects.requireNonNull(quotes, "quotes"));
        messages = messages == null ? List.of() : List.copyOf(messages);
    }
}
