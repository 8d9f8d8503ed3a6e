package dev.carrierhub.rating.service;

import dev.carrierhub.contracts.events.Quote;
import dev.carrierhub.contracts.shipment.Shipment;
import dev.carrierhub.rating.client.CarrierAnswer;
import dev.carrierhub.rating.policy.Ranking;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The result of rating one shipment: every carrier's answer (or why it was not asked), the quotes the
 * policy ranked, the ones it left out, and why it chose as it did. {@code carrierTime} is how long the
 * round of carrier calls took, so the service can tell its own share of the work from the carriers'.
 */
public record Rating(Shipment shipment, String policy, String reason, List<Quote> ranked,
        List<Ranking.RejectedQuote> rejected, List<CarrierAnswer> answers, Instant ratedAt, Duration carrierTime) {
    public Rating {
        Objects.requireNonNull(shipment, "shipment");
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(carrierTime, "carrierTime");
        ranked = List.copyOf(ranked);
        rejected = rejected == null ? List.of() : List.copyOf(rejected);
        answers = List.copyOf(answers);
    }

    public Optional<Quote> chosen() {
        return ranked.stream().findFirst();
    }

    /** The ranked quotes after the chosen one, which label-service may fall back to. */
    public List<Quote> alternatives() {
        return ranked.isEmpty() ? List.of() : ranked.subList(1, ranked.size());
    }

    /** What {@code shipment.rated} carries as its policy: {@code "<policy>: <reason>"}. */
    public String decision() {
        return policy + ": " + reason;
    }

    public List<String> carriersTried() {
        return answers.stream().map(CarrierAnswer::carrier).toList();
    }

    public Outcome outcome() {
        if (chosen().isPresent()) {
            return Outcome.RATED;
        }
        if (answers.stream().allMatch(answer -> answer.outcome() == CarrierAnswer.Outcome.EXCLUDED)) {
            return Outcome.NO_ELIGIBLE_CARRIER;
        }
        return rejected.isEmpty() ? Outcome.NO_QUOTES : Outcome.NO_ELIGIBLE_QUOTE;
    }

    /** Whether rating again later could succeed: some carrier failed for a reason that passes. */
    public boolean retryable() {
        return answers.stream().anyMatch(CarrierAnswer::retryable);
    }

    /**
     * Whether this rating may be served again from the look-up cache: only when no carrier failed for a
     * passing reason, so a carrier that was late or down once is asked again on the next look-up.
     */
    public boolean cacheable() {
        return !retryable();
    }

    /** The same rating for another shipment with the same rating-relevant facts (a cache hit). */
    public Rating forShipment(Shipment other) {
        return new Rating(other, policy, reason, ranked, rejected, answers, ratedAt, carrierTime);
    }

    /** Why there is no choice, naming every carrier and what it answered or why it was not asked. */
    public String noChoiceMessage() {
        if (answers.isEmpty()) {
            return "No carrier can rate shipment " + shipment.shipmentId()
                    + ": no carrier account that rates is configured.";
        }
        String carriers = answers.stream().map(CarrierAnswer::describe).collect(Collectors.joining(", "));
        String leftOut = rejected.isEmpty() ? "" : "; quotes left out by policy " + policy + ": " + rejected.stream()
                .map(r -> Ranking.describe(r.quote()) + " (" + r.reason() + ")").collect(Collectors.joining(", "));
        String id = shipment.shipmentId();
        String head = switch (outcome()) {
            case NO_ELIGIBLE_CARRIER -> "No carrier may carry shipment " + id;
            case NO_ELIGIBLE_QUOTE -> "No quote for shipment " + id + " meets policy " + policy + " (" + reason + ")";
            default -> "No carrier quoted shipment " + id;
        };
        return head + "; carriers: " + carriers + leftOut + ".";
    }

    /** How a rating ended; {@link #reasonCode()} is the reason code of {@code shipment.exception}. */
    public enum Outcome {
        /** A quote was chosen. */
        RATED,
        /** The rules kept every carrier away from the shipment (or none that rates is configured). */
        NO_ELIGIBLE_CARRIER,
        /** Carriers were asked; none quoted in time. */
        NO_QUOTES,
        /** Quotes came, but the policy took none of them (e.g. all below the requested service level). */
        NO_ELIGIBLE_QUOTE;

        public String reasonCode() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }
}
