package dev.carrierhub.rating.service;

import dev.carrierhub.carriers.CarrierConnector;
import dev.carrierhub.carriers.registry.CarrierRegistry;
import dev.carrierhub.contracts.events.Quote;
import dev.carrierhub.contracts.shipment.Shipment;
import dev.carrierhub.rating.client.CarrierAnswer;
import dev.carrierhub.rating.client.CarrierQuoter;
import dev.carrierhub.rating.config.RatingConfig;
import dev.carrierhub.rating.policy.Ranking;
import dev.carrierhub.rating.policy.RoutingPolicies;
import dev.carrierhub.rating.policy.RoutingPolicy;
import dev.carrierhub.rating.rules.CarrierEligibility;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Rates a shipment: keeps away the carriers whose rules exclude it, asks the others within one deadline,
 * and ranks their quotes with the tenant's routing policy. Reads only, so it serves both the
 * {@code shipment.requested} consumer and real-time look-ups.
 */
@Startup
@ApplicationScoped
public class RatingService {
    private final Supplier<Collection<CarrierConnector>> connectors;
    private final CarrierQuoter quoter;
    private final RoutingPolicies policies;
    private final CarrierEligibility eligibility;
    private final Duration deadline;
    private final MeterRegistry meters;
    private final Clock clock;

    @Inject
    public RatingService(CarrierRegistry registry, CarrierQuoter quoter, RatingConfig config, MeterRegistry meters) {
        // Policies and rules are resolved at start-up, so a misspelt setting stops the service instead of
        // failing every shipment.
        this(registry::all, quoter, RoutingPolicies.of(config), CarrierEligibility.of(config.carriers()),
                config.deadline(), meters, Clock.systemUTC());
    }

    RatingService(Supplier<Collection<CarrierConnector>> connectors, CarrierQuoter quoter, RoutingPolicies policies,
            CarrierEligibility eligibility, Duration deadline, MeterRegistry meters, Clock clock) {
        if (deadline.isZero() || deadline.isNegative()) {
            throw new IllegalArgumentException("carrierhub.rating.deadline must be positive, was " + deadline);
        }
        this.connectors = connectors;
        this.quoter = quoter;
        this.policies = policies;
        this.eligibility = eligibility;
        this.deadline = deadline;
        this.meters = meters;
        this.clock = clock;
    }

    public Uni<Rating> rate(Shipment shipment) {
        // By carrier name, so every rating lists the carriers in the same order (the registry's has none).
        List<CarrierConnector> raters = connectors.get().stream().filter(c -> c.capabilities().rate())
                .sorted(Comparator.comparing(CarrierConnector::carrier)).toList();
        Map<CarrierConnector, String> excluded = new LinkedHashMap<>();
        List<CarrierConnector> asked = new ArrayList<>();
        for (CarrierConnector connector : raters) {
            Optional<String> exclusion = eligibility.exclusion(connector.carrier(), shipment);
            exclusion.ifPresentOrElse(reason -> excluded.put(connector, reason), () -> asked.add(connector));
        }
        excluded.keySet().forEach(connector ->
                meters.counter("carrierhub.rating.exclusions", "carrier", connector.carrier()).increment());
        return Uni.createFrom().deferred(() -> {
            long asking = System.nanoTime();
            return quoter.quote(shipment, asked, deadline)
                    .map(answers -> rank(shipment, byCarrier(raters, excluded, answers),
                            Duration.ofNanos(System.nanoTime() - asking)));
        });
    }

    Rating rank(Shipment shipment, List<CarrierAnswer> answers, Duration carrierTime) {
        RoutingPolicy policy = policies.forShipment(shipment);
        List<Quote> quotes = answers.stream().flatMap(answer -> answer.quotes().stream()).toList();
        Ranking ranking = policy.rank(shipment, quotes);
        return new Rating(shipment, policy.name(), ranking.reason(), ranking.ranked(), ranking.rejected(), answers,
                clock.instant(), carrierTime);
    }

    /** The excluded carriers' reasons and the asked carriers' answers, in the order of {@code raters}. */
    private static List<CarrierAnswer> byCarrier(List<CarrierConnector> raters,
            Map<CarrierConnector, String> excluded, List<CarrierAnswer> answers) {
        Iterator<CarrierAnswer> asked = answers.iterator();
        List<CarrierAnswer> ordered = new ArrayList<>(raters.size());
        for (CarrierConnector connector : raters) {
            String reason = excluded.get(connector);
            ordered.add(reason != null ? CarrierAnswer.excluded(connector.carrier(), reason) : asked.next());
        }
        return ordered;
    }

    public Duration deadline() {
        return deadline;
    }
}
