package dev.carrierhub.rating.service;

import dev.carrierhub.contracts.events.Quote;
import dev.carrierhub.contracts.shipment.Shipment;
import dev.carrierhub.rating.client.CarrierAnswer;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** The result of rating one shipment: every carrier's answer and the quotes ranked by the policy. */
public record Rating(Shipment shipment, String policy, List<Quote> ranked, List<CarrierAnswer> answers,
        Instant ratedAt) {
    public Rating {
        ranked = List.copyOf(ranked);
        answers = List.copyOf(answers);
    }

    public Optional<Quote> chosen() {
        return ranked.stream().findFirst();
    }

    /** The ranked quotes after the chosen one, which label-service may fall back to. */
    public List<Quote> alternatives() {
        return ranked.isEmpty() ? List.of() : ranked.subList(1, ranked.size());
    }

    public List<String> carriersTried() {
        return answers.stream().map(CarrierAnswer::carrier).toList();
    }

    /** Whether rating again later could succeed: some carrier failed for a reason that passes. */
    public boolean retryable() {
        return answers.stream().anyMatch(CarrierAnswer::retryable);
    }

    /** Why there is no quote, naming every carrier tried and what it answered. */
    public String noQuotesMessage() {
        if (answers.isEmpty()) {
            return "No carrier quoted shipment " + shipment.shipmentId() + ": no carrier account that rates is configured.";
        }
        return "No carrier quoted shipment " + shipment.shipmentId() + "; carriers tried: "
                + answers.stream().map(CarrierAnswer::describe).collect(Collectors.joining(", ")) + ".";
    }
}
