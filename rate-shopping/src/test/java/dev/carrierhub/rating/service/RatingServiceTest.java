package dev.carrierhub.rating.service;

import static dev.carrierhub.rating.policy.Quotes.quote;
import static org.assertj.core.api.Assertions.assertThat;

import dev.carrierhub.carriers.CarrierConnector;
import dev.carrierhub.carriers.RateResult;
import dev.carrierhub.contracts.events.Quote;
import dev.carrierhub.contracts.shipment.ServiceLevel;
import dev.carrierhub.contracts.shipment.Shipment;
import dev.carrierhub.core.client.OutboundCalls;
import dev.carrierhub.rating.client.CarrierAnswer;
import dev.carrierhub.rating.client.CarrierQuoter;
import dev.carrierhub.rating.client.FakeConnector;
import dev.carrierhub.rating.policy.CheapestInLevelPolicy;
import dev.carrierhub.rating.policy.CheapestPolicy;
import dev.carrierhub.rating.policy.RoutingPolicies;
import dev.carrierhub.rating.rules.CarrierEligibility;
import dev.carrierhub.rating.rules.HazardousRule;
import dev.carrierhub.testsupport.TestShipments;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.opentelemetry.api.OpenTelemetry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class RatingServiceTest {
    private static final Duration DEADLINE = Duration.ofMillis(300);
    private static final Instant NOW = Instant.parse("2026-03-01T08:00:00Z");

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final Quote cheap = quote("cheap", "C1", ServiceLevel.ECONOMY, "5.00", 5);
    private final Quote standard = quote("standard", "S1", ServiceLevel.STANDARD, "7.00", 3);
    private final FakeConnector cheapCarrier = answering("cheap", cheap);
    private final FakeConnector standardCarrier = answering("standard", standard);

    @Test
    void aCarrierTheRulesExcludeIsNotAskedAndItsReasonIsListedInCarrierOrder() {
        RatingService service = service(List.of(standardCarrier, cheapCarrier),
                new CarrierEligibility(Map.of("cheap", List.of(new HazardousRule()))));

        Rating rating = service.rate(hazardous(TestShipments.domestic())).await().atMost(Duration.ofSeconds(5));

        assertThat(cheapCarrier.rateCalls).isZero();
        assertThat(rating.answers()).extracting(CarrierAnswer::carrier, CarrierAnswer::outcome).containsExactly(
                org.assertj.core.groups.Tuple.tuple("cheap", CarrierAnswer.Outcome.EXCLUDED),
                org.assertj.core.groups.Tuple.tuple("standard", CarrierAnswer.Outcome.QUOTED));
        assertThat(rating.answers().get(0).detail()).isEqualTo("the carrier takes no hazardous goods");
        assertThat(rating.chosen()).contains(standard);
        assertThat(meters.get("carrierhub.rating.exclusions").tag("carrier", "cheap").counter().count()).isEqualTo(1);
    }

    @Test
    void aCarrierPastTheDeadlineIsDroppedAndTheOthersAreStillChosen() {
        FakeConnector slow = new FakeConnector("slow", true, CompletableFuture::new);
        RatingService service = service(List.of(slow, standardCarrier), new CarrierEligibility(Map.of()));

        long started = System.nanoTime();
        Rating rating = service.rate(TestShipments.domestic()).await().atMost(Duration.ofSeconds(5));

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));
        assertThat(rating.answers().get(0).outcome()).isEqualTo(CarrierAnswer.Outcome.TIMEOUT);
        assertThat(rating.answers().get(0).detail()).contains("rating deadline of 300 ms");
        assertThat(rating.chosen()).contains(standard);
        assertThat(rating.cacheable()).as("a late carrier is asked again next time").isFalse();
        assertThat(rating.ratedAt()).isEqualTo(NOW);
    }

    @Test
    void theTenantsPolicyRanksAndGivesTheReason() {
        RatingService service = new RatingService(() -> List.of(cheapCarrier, standardCarrier), quoter(),
                new RoutingPolicies(new CheapestPolicy(), Map.of("acme", new CheapestInLevelPolicy())),
                new CarrierEligibility(Map.of()), DEADLINE, meters, Clock.fixed(NOW, ZoneOffset.UTC));

        Rating rating = service.rate(TestShipments.domestic()).await().atMost(Duration.ofSeconds(5));

        assertThat(rating.policy()).isEqualTo("cheapest-in-level");
        assertThat(rating.chosen()).as("economy is below the STANDARD the shipment asks for").contains(standard);
        assertThat(rating.rejected()).extracting(r -> r.quote()).containsExactly(cheap);
        assertThat(rating.decision()).startsWith("cheapest-in-level: lowest price at STANDARD or better");
    }

    @Test
    void whenEveryCarrierIsExcludedNobodyIsAsked() {
        CarrierEligibility noHazmat = new CarrierEligibility(Map.of("cheap", List.of(new HazardousRule()),
                "standard", List.of(new HazardousRule())));
        RatingService service = service(List.of(cheapCarrier, standardCarrier), noHazmat);

        Rating rating = service.rate(hazardous(TestShipments.domestic())).await().atMost(Duration.ofSeconds(5));

        assertThat(cheapCarrier.rateCalls + standardCarrier.rateCalls).isZero();
        assertThat(rating.outcome()).isEqualTo(Rating.Outcome.NO_ELIGIBLE_CARRIER);
    }

    private RatingService service(List<CarrierConnector> connectors, CarrierEligibility eligibility) {
        return new RatingService(() -> connectors, quoter(), new RoutingPolicies(new CheapestPolicy(), Map.of()),
                eligibility, DEADLINE, meters, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private CarrierQuoter quoter() {
        return new CarrierQuoter(new OutboundCalls(OpenTelemetry.noop().getTracer("test")), meters);
    }

    private static FakeConnector answering(String carrier, Quote quote) {
        return new FakeConnector(carrier, true,
                () -> CompletableFuture.completedFuture(new RateResult(List.of(quote), List.of())));
    }

    static Shipment hazardous(Shipment s) {
        return new Shipment(s.shipmentId(), s.picking(), s.shipFrom(), s.shipTo(), s.parcels(), s.declaredValue(),
                s.serviceLevel(), s.customsLines(), true, s.preferredCarrier());
    }
}
