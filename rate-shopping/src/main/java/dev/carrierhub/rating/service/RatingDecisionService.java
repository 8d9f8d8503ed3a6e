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
import java.time.Instant;
import java.util.UUID;

/**
 * Records a rating: {@code shipment.rated} with the chosen quote, or {@code shipment.exception} when no
 * carrier quoted, plus the decision row. Runs inside the idempotent consumer's transaction.
 */
@ApplicationScoped
public class RatingDecisionService {
    static final String STAGE = "rating";
    static final String NO_QUOTES = "no-quotes";

    private final Outbox outbox;
    private final RatingDecisionRepository decisions;
    private final MeterRegistry meters;

    public RatingDecisionService(Outbox outbox, RatingDecisionRepository decisions, MeterRegistry meters) {
        this.outbox = outbox;
        this.decisions = decisions;
        this.meters = meters;
    }

    public Uni<Void> record(String eventId, Rating rating) {
        RatingDecision decision = decision(eventId, rating);
        Uni<?> event = rating.chosen().isPresent()
                ? outbox.append(new ShipmentRated(rating.shipment(), rating.chosen().get(), rating.alternatives(),
                        rating.policy(), rating.ratedAt()))
                : outbox.append(new ShipmentException(rating.shipment().shipmentId(), rating.shipment().picking(),
                        STAGE, NO_QUOTES, rating.noQuotesMessage(), null, rating.retryable(), Instant.now()));
        return event.chain(() -> decisions.persist(decision))
                .invoke(() -> meters.counter("carrierhub.rating.decisions", "policy", rating.policy(),
                        "outcome", decision.outcome == RatingDecision.Outcome.RATED ? "rated" : NO_QUOTES).increment())
                .replaceWithVoid();
    }

    private static RatingDecision decision(String eventId, Rating rating) {
        RatingDecision decision = new RatingDecision();
        decision.id = UUID.randomUUID();
        decision.shipmentId = rating.shipment().shipmentId();
        decision.eventId = eventId;
        decision.policy = rating.policy();
        decision.outcome = rating.chosen().isPresent() ? RatingDecision.Outcome.RATED : RatingDecision.Outcome.NO_QUOTES;
        rating.chosen().ifPresent(chosen -> {
            decision.chosenCarrier = chosen.carrier();
            decision.chosenService = chosen.serviceCode();
            decision.chosenAmount = chosen.price().amount();
            decision.chosenCurrency = chosen.price().currency();
        });
        decision.rankedQuotes = json(rating.ranked());
        decision.carrierAnswers = json(rating.answers());
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
