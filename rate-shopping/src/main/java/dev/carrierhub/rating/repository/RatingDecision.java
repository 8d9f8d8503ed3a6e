package dev.carrierhub.rating.repository;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** One routing decision, kept as it was made: what every carrier answered and what was chosen. */
@Entity
@Table(name = "rating_decision")
public class RatingDecision {
    @Id
    public UUID id;
    @Column(name = "shipment_id")
    public String shipmentId;
    @Column(name = "event_id")
    public String eventId;
    @Enumerated(EnumType.STRING)
    public Outcome outcome;
    public String tenant;
    /** The routing policy by name. */
    public String policy;
    /** Why the policy chose as it did, or why there was no choice. */
    public String reason;
    @Column(name = "chosen_carrier")
    public String chosenCarrier;
    @Column(name = "chosen_service")
    public String chosenService;
    @Column(name = "chosen_amount")
    public BigDecimal chosenAmount;
    @Column(name = "chosen_currency")
    public String chosenCurrency;
    /** The ranked quotes as JSON. */
    @Column(name = "ranked_quotes")
    public String rankedQuotes;
    /** Every carrier's answer as JSON, failures included. */
    @Column(name = "carrier_answers")
    public String carrierAnswers;
    /** The quotes the policy would not take, with the reason for each, as JSON. */
    @Column(name = "rejected_quotes")
    public String rejectedQuotes;
    /** The rating deadline the answers were collected under. */
    @Column(name = "deadline_ms")
    public Integer deadlineMs;
    public String traceparent;
    @Column(name = "decided_at")
    public Instant decidedAt;

    /** Whether the shipment got a carrier, or why it did not (see {@code Rating.Outcome}). */
    public enum Outcome { RATED, NO_ELIGIBLE_CARRIER, NO_QUOTES, NO_ELIGIBLE_QUOTE }
}
