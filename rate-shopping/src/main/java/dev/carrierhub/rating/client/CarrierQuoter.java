package dev.carrierhub.rating.client;

import dev.carrierhub.core.client.OutboundCalls;
import dev.carrierhub.core.tracing.SpanAttributes;
import io.opentelemetry.api.common.Attributes;

import dev.carrierhub.carriers.CarrierConnector;
import dev.carrierhub.carriers.registry.CarrierAccountsConfig;
import dev.carrierhub.carriers.registry.CarrierRegistry;
import dev.carrierhub.contracts.shipment.Shipment;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.function.Function;

/**
 * Asks every carrier that rates for quotes, all at once, each within its account's timeout. A carrier
 * that fails or is slow is left out and counted; it never fails the whole round.
 */
@ApplicationScoped
public class CarrierQuoter {
    /** Used only if a connector has no account settings, which the registry never builds. */
    static final Duration FALLBACK_TIMEOUT = Duration.ofSeconds(5);

    private final CarrierRegistry registry;
    private final OutboundCalls calls;
    private final MeterRegistry meters;

    public CarrierQuoter(CarrierRegistry registry, OutboundCalls calls, MeterRegistry meters) {
        this.registry = registry;
        this.calls = calls;
        this.meters = meters;
    }

    /** One answer per carrier that rates, in configuration order; empty when no such carrier is configured. */
    public Uni<List<CarrierAnswer>> quote(Shipment shipment) {
        return quote(shipment, registry.all(), carrier -> registry.account(carrier)
                .map(CarrierAccountsConfig.Account::timeout).orElse(FALLBACK_TIMEOUT));
    }

    Uni<List<CarrierAnswer>> quote(Shipment shipment, Collection<CarrierConnector> connectors,
            Function<String, Duration> timeouts) {
        List<Uni<CarrierAnswer>> asks = connectors.stream()
                .filter(connector -> connector.capabilities().rate())
                .map(connector -> ask(shipment, connector, timeouts.apply(connector.carrier())))
                .toList();
        if (asks.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return Uni.combine().all().unis(asks).with(answers -> answers.stream().map(CarrierAnswer.class::cast).toList());
    }

    private Uni<CarrierAnswer> ask(Shipment shipment, CarrierConnector connector, Duration timeout) {
        return Uni.createFrom().deferred(() -> {
            Timer.Sample sample = Timer.start(meters);
            return calls.call(connector.carrier() + " rate", carrierCall(connector, shipment.shipmentId()), timeout,
                            () -> connector.rate(shipment))
                    .map(result -> CarrierAnswer.of(connector.carrier(), result))
                    .onFailure().recoverWithItem(failure -> CarrierAnswer.failed(connector.carrier(), failure))
                    .invoke(answer -> count(answer, sample));
        });
    }

    private void count(CarrierAnswer answer, Timer.Sample sample) {
        String outcome = answer.outcome().tag();
        meters.counter("carrierhub.rating.quotes", "carrier", answer.carrier(), "outcome", outcome).increment();
        sample.stop(meters.timer("carrierhub.rating.quote.duration", "carrier", answer.carrier(), "outcome", outcome));
    }

    private static Attributes carrierCall(CarrierConnector connector, String shipmentId) {
        return Attributes.of(SpanAttributes.CARRIER, connector.carrier(), SpanAttributes.SHIPMENT_ID, shipmentId);
    }
}
