package dev.carrierhub.rating.service;

import dev.carrierhub.contracts.events.Quote;
import dev.carrierhub.contracts.shipment.Shipment;
import dev.carrierhub.rating.client.CarrierAnswer;
import dev.carrierhub.rating.client.CarrierQuoter;
import dev.carrierhub.rating.config.RatingConfig;
import io.quarkus.runtime.Startup;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.List;

/**
 * Rates a shipment: asks the carriers and ranks their quotes with the configured routing policy. Reads
 * only, so it serves both the {@code shipment.requested} consumer and real-time look-ups.
 */
@Startup
@ApplicationScoped
public class RatingService {
    private final CarrierQuoter quoter;
    private final RoutingPolicy policy;
    private final Clock clock = Clock.systemUTC();

    public RatingService(CarrierQuoter quoter, RatingConfig config) {
        this.quoter = quoter;
        // Resolved at start-up, so a misspelt policy stops the service instead of failing every shipment.
        this.policy = RoutingPolicies.named(config.policy());
    }

    public Uni<Rating> rate(Shipment shipment) {
        return quoter.quote(shipment).map(answers -> rank(shipment, answers));
    }

    Rating rank(Shipment shipment, List<CarrierAnswer> answers) {
        List<Quote> quotes = answers.stream().flatMap(answer -> answer.quotes().stream()).toList();
        return new Rating(shipment, policy.name(), policy.rank(quotes), answers, clock.instant());
    }

    public String policyName() {
        return policy.name();
    }
}
