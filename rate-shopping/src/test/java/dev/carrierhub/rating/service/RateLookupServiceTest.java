package dev.carrierhub.rating.service;

import static dev.carrierhub.rating.policy.Quotes.quote;
import static org.assertj.core.api.Assertions.assertThat;

import dev.carrierhub.carriers.CarrierErrorKind;
import dev.carrierhub.carriers.CarrierException;
import dev.carrierhub.carriers.RateResult;
import dev.carrierhub.contracts.shipment.OdooPickingRef;
import dev.carrierhub.contracts.shipment.Shipment;
import dev.carrierhub.core.client.OutboundCalls;
import dev.carrierhub.rating.client.CarrierQuoter;
import dev.carrierhub.rating.client.FakeConnector;
import dev.carrierhub.rating.policy.CheapestPolicy;
import dev.carrierhub.rating.policy.RoutingPolicies;
import dev.carrierhub.rating.rules.CarrierEligibility;
import dev.carrierhub.testsupport.TestShipments;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.opentelemetry.api.OpenTelemetry;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RateLookupServiceTest {
    private static final Duration TTL = Duration.ofSeconds(60);

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final AtomicLong nanos = new AtomicLong();
    private final AtomicBoolean failing = new AtomicBoolean();
    private final FakeConnector carrier = new FakeConnector("sandbox", true, () -> failing.get()
            ? CompletableFuture.failedFuture(new CarrierException(CarrierErrorKind.TRANSIENT, "500"))
            : CompletableFuture.completedFuture(new RateResult(List.of(quote("sandbox", "S", "5.00", 2)), List.of())));

    @Test
    void theSameRequestAgainIsServedFromTheCacheForTheShipmentThatAsks() {
        RateLookupService lookups = lookups(TTL);
        Shipment first = TestShipments.domestic();
        Shipment second = TestShipments.domestic();

        RateLookupService.Lookup asked = lookups.rate(first).await().indefinitely();
        RateLookupService.Lookup cached = lookups.rate(second).await().indefinitely();

        assertThat(carrier.rateCalls).isEqualTo(1);
        assertThat(asked.cached()).isFalse();
        assertThat(cached.cached()).isTrue();
        assertThat(cached.rating().shipment()).isEqualTo(second);
        assertThat(cached.rating().ranked()).isEqualTo(asked.rating().ranked());
        assertThat(meters.get("carrierhub.rating.cache").tag("result", "hit").counter().count()).isEqualTo(1);
    }

    @Test
    void anotherTenantIsNeverServedFromTheCache() {
        RateLookupService lookups = lookups(TTL);
        Shipment acme = TestShipments.domestic();
        Shipment globex = new Shipment(acme.shipmentId(), new OdooPickingRef("globex", 1, "WH/OUT/1", null),
                acme.shipFrom(), acme.shipTo(), acme.parcels(), acme.declaredValue(), acme.serviceLevel(),
                acme.customsLines(), acme.hazardous(), acme.preferredCarrier());

        lookups.rate(acme).await().indefinitely();
        RateLookupService.Lookup other = lookups.rate(globex).await().indefinitely();

        assertThat(other.cached()).isFalse();
        assertThat(carrier.rateCalls).isEqualTo(2);
    }

    @Test
    void anEntryExpiresAfterItsTimeToLive() {
        RateLookupService lookups = lookups(TTL);
        lookups.rate(TestShipments.domestic()).await().indefinitely();

        nanos.addAndGet(TTL.minusMillis(1).toNanos());
        assertThat(lookups.rate(TestShipments.domestic()).await().indefinitely().cached()).isTrue();
        nanos.addAndGet(Duration.ofMillis(1).toNanos());
        assertThat(lookups.rate(TestShipments.domestic()).await().indefinitely().cached()).isFalse();
        assertThat(carrier.rateCalls).isEqualTo(2);
    }

    @Test
    void aRatingInWhichACarrierFailedIsNotKept() {
        RateLookupService lookups = lookups(TTL);
        failing.set(true);
        lookups.rate(TestShipments.domestic()).await().indefinitely();
        failing.set(false);

        RateLookupService.Lookup again = lookups.rate(TestShipments.domestic()).await().indefinitely();

        assertThat(again.cached()).isFalse();
        assertThat(again.rating().chosen()).isPresent();
        assertThat(carrier.rateCalls).isEqualTo(2);
    }

    @Test
    void aZeroTimeToLiveTurnsTheCacheOff() {
        RateLookupService lookups = lookups(Duration.ZERO);

        lookups.rate(TestShipments.domestic()).await().indefinitely();
        lookups.rate(TestShipments.domestic()).await().indefinitely();

        assertThat(carrier.rateCalls).isEqualTo(2);
    }

    private RateLookupService lookups(Duration ttl) {
        RatingService rating = new RatingService(() -> List.of(carrier),
                new CarrierQuoter(new OutboundCalls(OpenTelemetry.noop().getTracer("test")), meters),
                new RoutingPolicies(new CheapestPolicy(), Map.of()), new CarrierEligibility(Map.of()),
                Duration.ofSeconds(2), meters, Clock.systemUTC());
        return new RateLookupService(rating, ttl, 100, meters, nanos::get);
    }
}
