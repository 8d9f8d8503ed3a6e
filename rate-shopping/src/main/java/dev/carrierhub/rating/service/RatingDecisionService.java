package dev.carrierhub.rating.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.carrierhub.contracts.Json;
import dev.carrierhub.contracts.events.ShipmentException;
import dev.carrierhub.contracts.events.ShipmentRated;
import dev.carrierhub.core.outbox.Outbox;
import dev.carrierhub.core.tracing.TraceContext;
import dev.carrierhub.rating.repository.RatingDecision;
import dev.carrierhub.rating.repository.RatingDecisionRepository;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * Records a rating: {@code shipment.rated} with the chosen quote, the ranked alternatives and
 * {@code "<policy>: <reason>"}, or {@code shipment.exception} naming every carrier's reason when there is no
 * choice; plus the decision row with the full quote snapshot. Runs inside the idempotent consumer's
 * transaction.
 */
@ApplicationScoped
public class RatingDecisionService {
    static final String STAGE = "rating";

    private final Outbox outbox;
    private final RatingDecisionRepository decisions;
    private final MeterRegistry meters;

    public RatingDecisionService(Outbox outbox, RatingDecisionRepository decisions, MeterRegistry meters) {
        this.outbox = outbox;
        this.decisions = decisions;
        this.meters = meters;
    }

    /** Records the decision and publishes its outcome; {@code requestedAt} travels on to label-service. */
    public Uni<Void> record(String eventId, Rating rating, Duration deadline, Instant requestedAt) {
        RatingDecision decision = decision(eventId, rating, deadline);
        Rating.Outcome outcome = rating.outcome();
        Uni<?> event = outcome == Rating.Outcome.RATED
                ? outbox.append(new ShipmentRated(rating.shipment(), rating.chosen().orElseThrow(),
                        rating.alternatives(), rating.decision(), rating.ratedAt(), requestedAt))
                : outbox.append(new ShipmentException(rating.shipment().shipmentId(), rating.shipment().picking(),
                        STAGE, outcome.reasonCode(), rating.noChoiceMessage(), null, rating.retryable(),
                        Instant.now()));
        return event.chain(() -> decisions.persist(decision))
                .invoke(() -> meters.counter("carrierhub.rating.decisions", "policy", rating.policy(),
                        "outcome", outcome == Rating.Outcome.RATED ? "rated" : outcome.reasonCode()).increment())
                .replaceWithVoid();
    }

    static RatingDecision decision(String eventId, Rating rating, Duration deadline) {
        RatingDecision decision = new RatingDecision();
        decision.id = UUID.randomUUID();
        decision.shipmentId = rating.shipment().shipmentId();
        decision.eventId = eventId;
        decision.tenant = rating.shipment().picking().tenant();
        decision.policy = rating.policy();
        decision.reason = rating.reason();
        decision.outcome = RatingDecision.Outcome.valueOf(rating.outcome().name());
        rating.chosen().ifPresent(chosen -> {
            decision.chosenCarrier = chosen.carrier();
            decision.chosenService = chosen.serviceCode();
            decision.chosenAmount = chosen.price().amount();
            decision.chosenCurrency = chosen.price().currency();
        });
        decision.rankedQuotes = json(rating.ranked());
        decision.carrierAnswers = json(rating.answers());
        decision.rejectedQuotes = json(rating.rejected());
        decision.deadlineMs = Math.toIntExact(deadline.toMillis());
        decision.traceparent = TraceContext.current().traceparent();
        decision.decidedAt = rating.ratedAt();
        return decision;
    }

    private static String json(Object value) {
        try {
            return Json.mapper().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a rating always serialises", e);
        }
    }
}
