package dev.carrierhub.carriers.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.carrierhub.carriers.CarrierConnector;
import dev.carrierhub.carriers.RateResult;
import dev.carrierhub.carriers.resilience.CircuitBreaker;
import dev.carrierhub.carriers.resilience.ResilientConnector;
import dev.carrierhub.carriers.sandbox.SandboxCarrierServer;
import dev.carrierhub.carriers.sandbox.SandboxServerConfig;
import dev.carrierhub.contracts.events.Quote;
import dev.carrierhub.contracts.shipment.Address;
import dev.carrierhub.contracts.shipment.Money;
import dev.carrierhub.contracts.shipment.OdooPickingRef;
import dev.carrierhub.contracts.shipment.Parcel;
import dev.carrierhub.contracts.shipment.ServiceLevel;
import dev.carrierhub.contracts.shipment.Shipment;
import dev.carrierhub.contracts.shipment.Weight;
import dev.carrierhub.contracts.shipment.WeightUnit;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The account settings of the limits as SmallRye reads them, and the registry that applies them. */
class CarrierRegistryLimitsTest {
    private static final String PREFIX = "carrierhub.carriers.accounts.";

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final SandboxCarrierServer first = new SandboxCarrierServer(SandboxServerConfig.defaults("whsec_a")).start();
    private final SandboxCarrierServer second = new SandboxCarrierServer(SandboxServerConfig.defaults("whsec_b")).start();

    @AfterEach
    void stop() {
        first.close();
        second.close();
    }

    @Test
    void theLimitsAreReadFromTheAccountAndWhatIsNotSetIsEmpty() {
        CarrierAccountsConfig config = config(Map.of(
                PREFIX + "main.rate-limit.requests", "1400",
                PREFIX + "main.rate-limit.per", "PT10S",
                PREFIX + "main.breaker.failure-threshold", "2",
                PREFIX + "main.breaker.failure-ratio", "0.25",
                PREFIX + "main.breaker.window", "8",
                PREFIX + "main.breaker.open-duration", "PT0.5S",
                PREFIX + "main.breaker.half-open-probes", "3",
                PREFIX + "main.bulkhead.max-concurrent", "8",
                PREFIX + "main.call-timeout", "PT7S"));

        CarrierAccountsConfig.Account main = config.accounts().get("main");
        assertThat(main.rateLimitRequests()).contains(1400);
        assertThat(main.rateLimitPer()).contains(Duration.ofSeconds(10));
        assertThat(main.breakerFailureThreshold()).contains(2);
        assertThat(main.breakerFailureRatio()).contains(0.25);
        assertThat(main.breakerWindow()).contains(8);
        assertThat(main.breakerOpenDuration()).contains(Duration.ofMillis(500));
        assertThat(main.breakerHalfOpenProbes()).contains(3);
        assertThat(main.bulkheadMaxConcurrent()).contains(8);
        assertThat(main.callTimeout()).contains(Duration.ofSeconds(7));
        assertThat(main.carrierName()).isEmpty();

        CarrierAccountsConfig.Account other = config.accounts().get("other");
        assertThat(List.of(other.rateLimitRequests(), other.rateLimitPer(), other.breakerFailureThreshold(),
                other.breakerOpenDuration(), other.bulkheadMaxConcurrent(), other.callTimeout()))
                .allMatch(Optional::isEmpty);
        assertThat(other.carrierName()).contains("sandbox-b");
    }

    @Test
    void everyConnectorIsWrappedInItsAccountsLimitsWithMetersPerAccount() {
        CarrierRegistry registry = new CarrierRegistry(config(Map.of()), meters);

        assertThat(registry.all()).hasSize(2).allMatch(ResilientConnector.class::isInstance);
        assertThat(registry.all()).extracting(c -> ((ResilientConnector) c).account()).containsExactly("main", "other");
        assertThat(meters.find("carrierhub.carrier.breaker.state").tags("carrier", "sandbox", "account", "main")
                .gauge().value()).isEqualTo(CircuitBreaker.State.CLOSED.code());
        assertThat(meters.find("carrierhub.carrier.breaker.state").tags("carrier", "sandbox-b", "account", "other")
                .gauge()).isNotNull();
    }

    @Test
    void aCarrierNameMakesTwoAccountsOfOneTypeTwoCarriersThatQuoteUnderTheirOwnName() {
        CarrierRegistry registry = new CarrierRegistry(config(Map.of()), meters);

        CarrierConnector b = registry.forCarrier("sandbox-b").orElseThrow();
        RateResult quotes = b.rate(shipment()).toCompletableFuture().join();

        assertThat(registry.forCarrier("sandbox")).get().extracting(c -> ((ResilientConnector) c).account())
                .isEqualTo("main");
        assertThat(b.carrier()).isEqualTo("sandbox-b");
        assertThat(quotes.quotes()).isNotEmpty().extracting(Quote::carrier).containsOnly("sandbox-b");
        assertThat(second.stats().rateRequests()).as("asked through the second account").isEqualTo(1);
        assertThat(first.stats().rateRequests()).isZero();
        assertThat(registry.account("sandbox-b")).get().extracting(CarrierAccountsConfig.Account::baseUrl)
                .isEqualTo(second.baseUri());
        assertThat(meters.find("carrierhub.carrier.calls")
                .tags("carrier", "sandbox-b", "account", "other", "operation", "rate", "outcome", "success")
                .timer().count()).isEqualTo(1);
    }

    @Test
    void aLimitThatCannotWorkStopsTheRegistryNamingTheAccount() {
        CarrierAccountsConfig config = config(Map.of(PREFIX + "main.breaker.failure-ratio", "1.5"));

        assertThatThrownBy(() -> new CarrierRegistry(config, meters))
                .hasMessageContaining("carrier account main").hasMessageContaining("breaker.failure-ratio");
    }

    private CarrierAccountsConfig config(Map<String, String> extra) {
        Map<String, String> properties = new HashMap<>(Map.of(
                PREFIX + "main.type", "sandbox",
                PREFIX + "main.base-url", first.baseUri().toString(),
                PREFIX + "other.type", "sandbox",
                PREFIX + "other.base-url", second.baseUri().toString(),
                PREFIX + "other.carrier-name", "sandbox-b",
                PREFIX + "other.timeout", "PT2S"));
        properties.putAll(extra);
        SmallRyeConfig config = new SmallRyeConfigBuilder()
                .withSources(new PropertiesConfigSource(properties, "test", 100))
                .withConverter(Duration.class, 200, CarrierRegistryLimitsTest::duration)
                .withMapping(CarrierAccountsConfig.class)
                .build();
        CarrierAccountsConfig mapping = config.getConfigMapping(CarrierAccountsConfig.class);
        // A map keeps no order of its own; the registry follows the mapping's, which the test pins.
        return () -> new java.util.TreeMap<>(mapping.accounts());
    }

    /**
     * Quarkus reads "5s" (the timeout's default); plain SmallRye only ISO-8601, so the test reads both. An
     * empty value is a missing one, as for every converter.
     */
    private static Duration duration(String value) {
        if (value.isBlank()) {
            return null;
        }
        return value.matches("\\d+s") ? Duration.ofSeconds(Long.parseLong(value.substring(0, value.length() - 1)))
                : Duration.parse(value);
    }

    private static Shipment shipment() {
        Address from = new Address("Acme", null, "Lagerstrasse 1", null, "Berlin", "10115", null, "DE", null, null, false);
        Address to = new Address("Zoe Muller", null, "Hauptstrasse 5", null, "Munich", "80331", null, "DE", null, null,
                true);
        return new Shipment("s-1", new OdooPickingRef("acme", 1, "WH/OUT/1", null), from, to,
                List.of(new Parcel("P1", new Weight(new BigDecimal("2.5"), WeightUnit.KG), null, null)),
                Money.of("120.00", "EUR"), ServiceLevel.STANDARD, List.of(), false, null);
    }
}
